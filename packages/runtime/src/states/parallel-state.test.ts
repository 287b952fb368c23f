import { describe, expect, it } from 'vitest';
import { TaskFailedError } from '../errors/runtime-errors';
import { eventTypes, FN, START, specRuntime } from '../testing/spec-runtime';

describe('Parallel state', () => {
  it('gives every branch the same input and outputs their results in branch order', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              {
                StartAt: 'Slow',
                States: { Slow: { Type: 'Wait', Seconds: 5, OutputPath: '$.a', End: true } },
              },
              { StartAt: 'Fast', States: { Fast: { Type: 'Pass', OutputPath: '$.b', End: true } } },
            ],
            End: true,
          },
        },
      },
      { input: { a: 'A', b: 'B' } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: ['A', 'B'] });
  });

  it('fails with the failing branch’s own error, which a Catch on the Parallel state can catch', async () => {
    const { runtime } = specRuntime();
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Ok', States: { Ok: { Type: 'Pass', End: true } } },
            { StartAt: 'Bad', States: { Bad: { Type: 'Fail', Error: 'Branch.Broke', Cause: 'inner' } } },
          ],
          Catch: [{ ErrorEquals: ['Branch.Broke'], ResultPath: '$.failure', Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', OutputPath: '$.failure', End: true },
      },
    };
    expect(await runtime.execute(definition)).toEqual({
      status: 'SUCCEEDED',
      output: { Error: 'Branch.Broke', Cause: 'inner' },
    });
  });

  it('stops the other branches when one fails, so they record nothing after the failure', async () => {
    const calls: string[] = [];
    const { runtime, clock } = specRuntime({
      handlers: {
        [FN]: (input) => {
          calls.push(JSON.stringify(input));
          return input;
        },
      },
    });
    const execution = runtime.startExecution({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Wait',
              States: {
                Wait: { Type: 'Wait', Seconds: 60, Next: 'Late' },
                Late: { Type: 'Task', Resource: FN, Parameters: { step: 'late' }, End: true },
              },
            },
            { StartAt: 'Bad', States: { Bad: { Type: 'Fail', Error: 'Broke' } } },
          ],
          End: true,
        },
      },
    });
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'Broke' });
    // The sleeping branch was woken and stopped, not left to run its Wait out later.
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.now()).toBe(START);
    expect(calls).toEqual([]);
    const types = eventTypes(execution.history());
    expect(types.slice(-2)).toEqual(['ParallelStateFailed', 'ExecutionFailed']);
    expect(types).not.toContain('WaitStateExited');
  });

  it('retries the whole Parallel state when a branch’s error matches a retrier', async () => {
    let attempts = 0;
    const { runtime } = specRuntime({
      handlers: {
        [FN]: () => {
          attempts++;
          if (attempts === 1) throw new TaskFailedError('Once', 'first time');
          return 'ok';
        },
      },
    });
    const result = await runtime.execute({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: FN, End: true } } }],
          Retry: [{ ErrorEquals: ['Once'], IntervalSeconds: 1 }],
          End: true,
        },
      },
    });
    expect(result).toEqual({ status: 'SUCCEEDED', output: ['ok'] });
  });

  it('lets branches read outer variables but keeps their assignments inside', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute({
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { who: 'outer' }, Next: 'Both' },
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Set',
              States: {
                Set: { Type: 'Pass', Assign: { who: 'inner' }, Next: 'Read' },
                Read: { Type: 'Pass', Parameters: { 'saw.$': '$who' }, End: true },
              },
            },
            {
              StartAt: 'Peek',
              States: { Peek: { Type: 'Pass', Parameters: { 'saw.$': '$who' }, End: true } },
            },
          ],
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'branches.$': '$', 'now.$': '$who' }, End: true },
      },
    });
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { branches: [{ saw: 'inner' }, { saw: 'outer' }], now: 'outer' },
    });
  });
});
