import { describe, expect, it } from 'vitest';
import { FN, specRuntime } from '../testing/spec-runtime';

const definition = {
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: FN, End: true } },
} as const;

describe('invokeTask', () => {
  it('serves a fixed resource from its cached target until a handler is registered again', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: () => 'first' } });
    expect(await runtime.execute(definition)).toEqual({ status: 'SUCCEEDED', output: 'first' });
    expect(await runtime.execute(definition)).toEqual({ status: 'SUCCEEDED', output: 'first' });
    runtime.registerHandler(FN, () => 'second');
    expect(await runtime.execute(definition)).toEqual({ status: 'SUCCEEDED', output: 'second' });
  });

  it('keeps each runtime’s handlers apart though both run the same compiled definition', async () => {
    const one = specRuntime({ handlers: { [FN]: () => 1 } }).runtime;
    const two = specRuntime({ handlers: { [FN]: () => 2 } }).runtime;
    expect(await one.execute(definition)).toMatchObject({ output: 1 });
    expect(await two.execute(definition)).toMatchObject({ output: 2 });
    expect(await one.execute(definition)).toMatchObject({ output: 1 });
  });

  it('builds `$$`, the idempotency key and the signal on demand, the same on every read', async () => {
    let seen: unknown;
    const { runtime } = specRuntime({
      handlers: {
        [FN]: (_input, context) => {
          const [contextA, contextB] = [context.contextObject, context.contextObject];
          const [keyA, keyB] = [context.idempotencyKey, context.idempotencyKey];
          const [signalA, signalB] = [context.signal, context.signal];
          seen = {
            sameContext: contextA === contextB,
            token: (contextA.Task as { Token: string }).Token === context.taskToken,
            state: (contextA.State as { Name: string }).Name,
            sameKey: keyA === keyB,
            key: keyA.endsWith('|T|0'),
            signal: signalA === signalB && !signalA.aborted,
          };
          return null;
        },
      },
    });
    await runtime.execute(definition);
    expect(seen).toEqual({
      sameContext: true,
      token: true,
      state: 'T',
      sameKey: true,
      key: true,
      signal: true,
    });
  });

  it('fails the attempt when a handler throws synchronously, as when it rejects', async () => {
    const { runtime } = specRuntime({
      handlers: {
        [FN]: () => {
          throw new Error('at once');
        },
      },
    });
    expect(await runtime.execute(definition)).toEqual({ status: 'FAILED', error: 'Error', cause: 'at once' });
  });
});
