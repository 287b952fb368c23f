import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../tasks/task-handler';
import { eventTypes, FN, START, specRuntime } from '../testing/spec-runtime';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('execution limits and stopping', () => {
  it('times the whole execution out after the machine’s TimeoutSeconds', async () => {
    const { runtime, clock } = specRuntime();
    const execution = runtime.startExecution({
      TimeoutSeconds: 60,
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 3600, End: true } },
    });
    expect(await execution.result()).toEqual({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(clock.now()).toBe(START + 60_000);
    expect(eventTypes(execution.history()).at(-1)).toBe('ExecutionTimedOut');
  });

  it('stop() ends the execution with ExecutionAborted and aborts the signal of a handler in flight', async () => {
    let context: TaskContext | undefined;
    const { runtime } = specRuntime({
      handlers: {
        [FN]: (_input, ctx) => {
          context = ctx;
          return new Promise(() => {});
        },
      },
    });
    const execution = runtime.startExecution({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: FN, End: true } },
    });
    await settle();
    const signal = context?.signal;
    execution.stop({ error: 'Operator.Stop', cause: 'by hand' });
    expect(await execution.result()).toEqual({ status: 'ABORTED', error: 'Operator.Stop', cause: 'by hand' });
    expect(signal?.aborted).toBe(true);
    expect(eventTypes(execution.history()).at(-1)).toBe('ExecutionAborted');
  });

  it('fails a state whose output is over 256 KiB with States.DataLimitExceeded, which States.ALL does not catch', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: () => 'x'.repeat(300_000) } });
    const result = await runtime.execute({
      StartAt: 'Big',
      States: {
        Big: {
          Type: 'Task',
          Resource: FN,
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Succeed' },
      },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it('counts multi-byte characters by their UTF-8 size against the limit', async () => {
    const { runtime } = specRuntime();
    // 100,000 three-byte characters: 300,000 bytes, though only 100,000 UTF-16 units.
    const passing = (result: string) => ({
      StartAt: 'P',
      States: { P: { Type: 'Pass', Result: result, End: true } },
    });
    const result = await runtime.execute(passing('€'.repeat(100_000)));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    const fits = await runtime.execute(passing('€'.repeat(80_000)));
    expect(fits.status).toBe('SUCCEEDED');
  });

  it('fails a Standard execution with States.Runtime at 25,000 history events', async () => {
    const { runtime } = specRuntime();
    const loop = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Next: 'Again' },
        Again: {
          Type: 'Choice',
          Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }],
          Default: 'A',
        },
        Done: { Type: 'Succeed' },
      },
    };
    const execution = runtime.startExecution(loop);
    const result = await execution.result();
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(execution.history()).toHaveLength(25_000);
  });

  it('lets an Express execution go past 25,000 events', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Loop',
        States: {
          Loop: {
            Type: 'Choice',
            Choices: [{ Variable: '$.n', NumericLessThan: 13_000, Next: 'Add' }],
            Default: 'Done',
          },
          Add: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'Loop' },
          Done: { Type: 'Succeed' },
        },
      },
      { input: { n: 0 }, type: 'EXPRESS' },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { n: 13_000 } });
  });
});
