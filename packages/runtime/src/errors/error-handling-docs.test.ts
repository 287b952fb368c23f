/**
 * The rules and examples of AWS's "Handling errors in Step Functions workflows" page, each run on
 * the runtime with the virtual clock so that back-off waits can be read off the clock.
 */
import { describe, expect, it } from 'vitest';
import { FN, START, specRuntime } from '../testing/spec-runtime';
import { TaskFailedError } from './runtime-errors';

/** A handler that fails with the given errors in turn, then succeeds; notes each attempt's second. */
function failingWith(errors: readonly string[], now: () => number) {
  const attempts: number[] = [];
  const handler = () => {
    attempts.push((now() - START) / 1000);
    const error = errors[attempts.length - 1];
    if (error !== undefined) throw new TaskFailedError(error, `attempt ${attempts.length}`);
    return 'done';
  };
  return { attempts, handler };
}

describe('Retry, as documented', () => {
  it('defaults to IntervalSeconds 1, MaxAttempts 3 and BackoffRate 2.0', async () => {
    const { runtime, clock } = specRuntime();
    const { attempts, handler } = failingWith(['E', 'E', 'E', 'E'], () => clock.now());
    runtime.registerHandler(FN, handler);
    const result = await runtime.execute({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: FN, Retry: [{ ErrorEquals: ['States.ALL'] }], End: true } },
    });
    // Three retries after 1, 2 and 4 seconds, then the fourth error ends the execution.
    expect(attempts).toEqual([0, 1, 3, 7]);
    expect(result).toEqual({ status: 'FAILED', error: 'E', cause: 'attempt 4' });
  });

  it('makes 2 retry attempts after waiting for 3 and 4.5 seconds (the docs’ BackoffRate 1.5 example)', async () => {
    const { runtime, clock } = specRuntime();
    const { attempts, handler } = failingWith(['States.Timeout', 'States.Timeout', 'States.Timeout'], () =>
      clock.now(),
    );
    runtime.registerHandler(FN, handler);
    await runtime.execute({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: FN,
          Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 3, MaxAttempts: 2, BackoffRate: 1.5 }],
          End: true,
        },
      },
    });
    expect(attempts).toEqual([0, 3, 7.5]);
  });

  it('keeps a separate attempt count per retrier across one state visit (the docs’ complex scenario)', async () => {
    // ErrorA and ErrorB share the first retrier (MaxAttempts 2), ErrorC has the second: the waits
    // are 1 s, 2 s, then 5 s, and the fourth error, ErrorB, finds the first retrier used up, so
    // the catcher takes over.
    const { runtime, clock } = specRuntime();
    const { attempts, handler } = failingWith(['ErrorA', 'ErrorB', 'ErrorC', 'ErrorB'], () => clock.now());
    runtime.registerHandler(FN, handler);
    const result = await runtime.execute({
      StartAt: 'X',
      States: {
        X: {
          Type: 'Task',
          Resource: FN,
          Next: 'Y',
          Retry: [
            { ErrorEquals: ['ErrorA', 'ErrorB'], IntervalSeconds: 1, BackoffRate: 2.0, MaxAttempts: 2 },
            { ErrorEquals: ['ErrorC'], IntervalSeconds: 5 },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Z' }],
        },
        Y: { Type: 'Pass', Result: 'Y', End: true },
        Z: { Type: 'Pass', End: true },
      },
    });
    expect(attempts).toEqual([0, 1, 3, 8]);
    expect(result).toEqual({ status: 'SUCCEEDED', output: { Error: 'ErrorB', Cause: 'attempt 4' } });
  });

  it('retries any error except States.Timeout with a MaxAttempts 0 retrier before States.ALL', async () => {
    const retry = [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 0 }, { ErrorEquals: ['States.ALL'] }];
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: FN, Retry: retry, End: true } },
    };
    const timedOut = specRuntime();
    const timeouts = failingWith(['States.Timeout'], () => timedOut.clock.now());
    timedOut.runtime.registerHandler(FN, timeouts.handler);
    expect(await timedOut.runtime.execute(definition)).toMatchObject({
      status: 'FAILED',
      error: 'States.Timeout',
    });
    expect(timeouts.attempts).toEqual([0]);

    const other = specRuntime();
    const others = failingWith(['Other'], () => other.clock.now());
    other.runtime.registerHandler(FN, others.handler);
    expect(await other.runtime.execute(definition)).toEqual({ status: 'SUCCEEDED', output: 'done' });
    expect(others.attempts).toEqual([0, 1]);
  });

  it('uses the retriers first and the matching catcher only once they give up', async () => {
    const { runtime, clock } = specRuntime();
    const { attempts, handler } = failingWith(['E', 'E', 'E'], () => clock.now());
    runtime.registerHandler(FN, handler);
    const result = await runtime.execute({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: FN,
          Retry: [{ ErrorEquals: ['E'], MaxAttempts: 2 }],
          Catch: [{ ErrorEquals: ['E'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    });
    expect(attempts).toHaveLength(3);
    expect(result).toEqual({ status: 'SUCCEEDED', output: { Error: 'E', Cause: 'attempt 3' } });
  });
});

describe('Catch, as documented', () => {
  const catchers = [
    { ErrorEquals: ['java.lang.Exception'], ResultPath: '$.error-info', Next: 'RecoveryState' },
    { ErrorEquals: ['States.ALL'], Next: 'EndState' },
  ];
  const definition = {
    StartAt: 'T',
    States: {
      T: { Type: 'Task', Resource: FN, Catch: catchers, End: true },
      RecoveryState: { Type: 'Pass', End: true },
      EndState: { Type: 'Pass', End: true },
    },
  };
  const throwing = (error: string) => () => {
    throw new TaskFailedError(error, 'boom');
  };

  it('adds the error output to the input at the catcher’s ResultPath', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: throwing('java.lang.Exception') } });
    expect(await runtime.execute(definition, { input: { order: 7 } })).toEqual({
      status: 'SUCCEEDED',
      output: { order: 7, 'error-info': { Error: 'java.lang.Exception', Cause: 'boom' } },
    });
  });

  it('without ResultPath replaces the input with the error output ($ is the default)', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: throwing('Anything.Else') } });
    expect(await runtime.execute(definition, { input: { order: 7 } })).toEqual({
      status: 'SUCCEEDED',
      output: { Error: 'Anything.Else', Cause: 'boom' },
    });
  });

  it('cannot catch States.DataLimitExceeded with States.ALL, only by naming it', async () => {
    // "States.DataLimitExceeded: a terminal error that can't be caught by the States.ALL error type."
    const big = 'x'.repeat(200_000);
    const definition = (errorEquals: string[]) => ({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Grow',
              States: { Grow: { Type: 'Pass', Parameters: { 'a.$': '$.s', 'b.$': '$.s' }, End: true } },
            },
          ],
          Catch: [{ ErrorEquals: errorEquals, Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', Result: 'caught', End: true },
      },
    });
    const { runtime } = specRuntime();
    expect(await runtime.execute(definition(['States.ALL']), { input: { s: big } })).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
    });
    expect(await runtime.execute(definition(['States.DataLimitExceeded']), { input: { s: big } })).toEqual({
      status: 'SUCCEEDED',
      output: 'caught',
    });
  });

  it('matches Lambda.Unknown with States.TaskFailed, as the docs’ note on unhandled Lambda errors says', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: throwing('Lambda.Unknown') } });
    const result = await runtime.execute({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: FN,
          Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    });
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { failure: { Error: 'Lambda.Unknown', Cause: 'boom' } },
    });
  });
});
