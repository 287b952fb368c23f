import { describe, expect, it } from 'vitest';
import { detailsOf, eventTypes, FN, specRuntime } from '../testing/spec-runtime';
import type { TaskHandler } from './task-handler';

/** One Task (with `fields`) whose errors, all of them, go to a Pass state that keeps the error output. */
const caught = (fields: object = {}) => ({
  StartAt: 'T',
  States: {
    T: {
      Type: 'Task',
      Resource: FN,
      ...fields,
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
      End: true,
    },
    Caught: { Type: 'Pass', End: true },
  },
});

async function run(handler: TaskHandler, definition: object = caught()) {
  const { runtime } = specRuntime({ handlers: { [FN]: handler } });
  const execution = runtime.startExecution(definition, { input: { a: 1 } });
  const result = await execution.result();
  return { result, history: execution.history() };
}

describe('a handler that throws a value whose name or text cannot be read', () => {
  const throwers: Record<string, () => never> = {
    'an object without a prototype': () => {
      throw Object.create(null);
    },
    'an error whose name getter throws': () => {
      const error = new Error('message');
      Object.defineProperty(error, 'name', {
        get() {
          throw new Error('no name');
        },
      });
      throw error;
    },
    'a Proxy whose every trap throws': () => {
      const trap = () => {
        throw new Error('trap');
      };
      throw new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap });
    },
  };

  it.each(Object.entries(throwers))(
    'fails the attempt by a name Catch matches: %s',
    async (_name, thrower) => {
      const { result, history } = await run(async () => thrower());
      expect(result.status).toBe('SUCCEEDED');
      expect(result.status === 'SUCCEEDED' && result.output).toMatchObject({ Error: 'Error' });
      expect(eventTypes(history)).toContain('LambdaFunctionFailed');
    },
  );

  it('gives a registered Lambda function the same treatment', async () => {
    const { runtime } = specRuntime();
    runtime.registerLambda('fn', async () => {
      throw new Proxy(
        {},
        {
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      );
    });
    const result = await runtime.execute({
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fn', End: true },
      },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Lambda.Unknown' });
  });
});

describe('a handler result that is not plain JSON', () => {
  it('fails the attempt when the result has no JSON (a BigInt), and the history stays readable', async () => {
    const { result, history } = await run(async () => ({ n: 10n }));
    expect(result.status === 'SUCCEEDED' && result.output).toMatchObject({
      Error: 'TypeError',
      Cause: expect.stringContaining("The task's result cannot be turned into JSON"),
    });
    expect(eventTypes(history)).toContain('LambdaFunctionFailed');
    expect(() => JSON.stringify(history)).not.toThrow();
  });

  it('fails the attempt on a cyclic result, which Retry sees by its name', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let calls = 0;
    const definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: FN,
          Retry: [{ ErrorEquals: ['TypeError'], MaxAttempts: 1, IntervalSeconds: 1 }],
          End: true,
        },
      },
    };
    const { result } = await run(async () => {
      calls++;
      return calls === 1 ? cyclic : { fixed: true };
    }, definition);
    expect(result).toEqual({ status: 'SUCCEEDED', output: { fixed: true } });
  });

  it('turns nothing into null, in the output and in the history alike', async () => {
    const { result, history } = await run(async () => undefined);
    expect(result).toEqual({ status: 'SUCCEEDED', output: null });
    const succeeded = history.find((event) => event.type === 'LambdaFunctionSucceeded');
    expect(detailsOf(succeeded).output).toBe('null');
  });

  it('passes on what JSON makes of a Date', async () => {
    const { result } = await run(async () => ({ at: new Date(0) }));
    expect(result).toEqual({ status: 'SUCCEEDED', output: { at: '1970-01-01T00:00:00.000Z' } });
  });

  it('fails with States.DataLimitExceeded on a result over 256 KiB, even when ResultPath drops it', async () => {
    const { result, history } = await run(async () => 'x'.repeat(300_000), caught({ ResultPath: null }));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(eventTypes(history)).not.toContain('LambdaFunctionSucceeded');
  });
});
