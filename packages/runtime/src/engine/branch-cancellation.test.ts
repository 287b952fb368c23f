import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../tasks/task-handler';
import { eventTypes, FN, FN2, specRuntime } from '../testing/spec-runtime';

const never = () => new Promise<never>(() => {});
const failing = async () => {
  throw Object.assign(new Error('boom'), { name: 'Custom.Boom' });
};
const task = (resource: string, name = 'T') => ({
  StartAt: name,
  States: { [name]: { Type: 'Task', Resource: resource, End: true } },
});

describe('a failing branch stops its siblings’ calls at once', () => {
  it('fails a Parallel state while another branch waits on a call that never ends', async () => {
    let signal: AbortSignal | undefined;
    const { runtime } = specRuntime({
      handlers: {
        [FN]: (_input: unknown, context: TaskContext) => {
          signal = context.signal;
          return never();
        },
        [FN2]: failing,
      },
    });
    const execution = runtime.startExecution({
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [task(FN, 'Stuck'), task(FN2, 'Fails')], End: true } },
    });
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'Custom.Boom' });
    expect(signal?.aborted).toBe(true);
    const types = eventTypes(execution.history());
    // The stuck call records nothing, before or after the state's failure.
    expect(types.filter((type) => type.startsWith('LambdaFunctionSucceeded'))).toEqual([]);
    expect(types.slice(-2)).toEqual(['ParallelStateFailed', 'ExecutionFailed']);
  });

  it('fails a Map state while another iteration waits on a call that never ends', async () => {
    const { runtime } = specRuntime({
      handlers: { [FN]: async (input) => ((input as { fail: boolean }).fail ? failing() : never()) },
    });
    const result = await runtime.execute(
      {
        StartAt: 'M',
        States: {
          M: { Type: 'Map', ItemProcessor: task(FN), End: true },
        },
      },
      { input: [{ fail: false }, { fail: true }, { fail: false }] },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'Custom.Boom' });
  });

  it('drops the late result of a sibling that answers after the state failed', async () => {
    let answer: ((value: unknown) => void) | undefined;
    const { runtime } = specRuntime({
      handlers: {
        [FN]: () => new Promise((resolve) => (answer = resolve)),
        [FN2]: failing,
      },
    });
    const execution = runtime.startExecution({
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [task(FN, 'Stuck'), task(FN2, 'Fails')], End: true } },
    });
    await execution.result();
    const before = execution.history().length;
    answer?.({ late: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(execution.history()).toHaveLength(before);
  });
});

describe('a virtual clock and calls nobody waits for any more', () => {
  it('moves on after the execution whose call never ends is stopped', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: never } });
    const stuck = runtime.startExecution(task(FN));
    await new Promise((resolve) => setImmediate(resolve));
    stuck.stop();
    const result = await runtime.execute({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 10, End: true } },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect((await stuck.result()).status).toBe('ABORTED');
  });

  it('moves on after a call that never ends has timed out', async () => {
    const { runtime, clock } = specRuntime({ handlers: { [FN]: never } });
    const stuck = runtime.startExecution({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: FN, TimeoutSeconds: 5, End: true } },
    });
    await new Promise((resolve) => setImmediate(resolve));
    // The call holds the clock back while it runs, so its timeout is brought on by hand.
    clock.advance(5_000);
    expect(await stuck.result()).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const result = await runtime.execute({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 10, End: true } },
    });
    expect(result.status).toBe('SUCCEEDED');
  });
});
