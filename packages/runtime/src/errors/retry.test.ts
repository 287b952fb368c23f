import { describe, expect, it } from 'vitest';
import { FN, START, specRuntime } from '../testing/spec-runtime';
import { TaskFailedError } from './runtime-errors';

/** A handler that fails `failures` times with `error`, then succeeds, noting when each attempt ran. */
function flaky(failures: number, error = 'Flaky', clockNow: () => number = () => 0) {
  const attempts: number[] = [];
  const handler = () => {
    attempts.push(clockNow());
    if (attempts.length <= failures) throw new TaskFailedError(error, `attempt ${attempts.length}`);
    return { ok: attempts.length };
  };
  return { attempts, handler };
}

function retrying(retry: Record<string, unknown>) {
  return { StartAt: 'T', States: { T: { Type: 'Task', Resource: FN, Retry: [retry], End: true } } };
}

describe('Retry', () => {
  it('waits IntervalSeconds, multiplied by BackoffRate after each attempt', async () => {
    const { runtime, clock } = specRuntime();
    const { attempts, handler } = flaky(3, 'Flaky', () => clock.now());
    runtime.registerHandler(FN, handler);
    const result = await runtime.execute(
      retrying({ ErrorEquals: ['Flaky'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3 }),
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { ok: 4 } });
    expect(attempts.map((t) => (t - START) / 1000)).toEqual([0, 2, 8, 26]);
  });

  it('gives up after MaxAttempts retries and fails with the last error', async () => {
    const { runtime } = specRuntime();
    const { attempts, handler } = flaky(10);
    runtime.registerHandler(FN, handler);
    const result = await runtime.execute(retrying({ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }));
    expect(attempts).toHaveLength(3);
    expect(result).toEqual({ status: 'FAILED', error: 'Flaky', cause: 'attempt 3' });
  });

  it('never retries with MaxAttempts 0', async () => {
    const { runtime } = specRuntime();
    const { attempts, handler } = flaky(1);
    runtime.registerHandler(FN, handler);
    await runtime.execute(retrying({ ErrorEquals: ['Flaky'], MaxAttempts: 0 }));
    expect(attempts).toHaveLength(1);
  });

  it('caps each wait at MaxDelaySeconds', async () => {
    const { runtime, clock } = specRuntime();
    const { attempts, handler } = flaky(3, 'Flaky', () => clock.now());
    runtime.registerHandler(FN, handler);
    await runtime.execute(
      retrying({
        ErrorEquals: ['Flaky'],
        IntervalSeconds: 10,
        BackoffRate: 10,
        MaxDelaySeconds: 50,
        MaxAttempts: 3,
      }),
    );
    expect(attempts.map((t) => (t - START) / 1000)).toEqual([0, 10, 60, 110]);
  });

  it('with JitterStrategy FULL waits a seeded random share of each delay, the same on every run', async () => {
    const delaysOfRun = async () => {
      const { runtime, clock } = specRuntime();
      const { attempts, handler } = flaky(3, 'Flaky', () => clock.now());
      runtime.registerHandler(FN, handler);
      await runtime.execute(
        retrying({
          ErrorEquals: ['Flaky'],
          IntervalSeconds: 10,
          BackoffRate: 2,
          MaxAttempts: 3,
          JitterStrategy: 'FULL',
        }),
      );
      return attempts.slice(1).map((t, i) => t - (attempts[i] as number));
    };
    const first = await delaysOfRun();
    expect(await delaysOfRun()).toEqual(first);
    const ceilings = [10_000, 20_000, 40_000];
    first.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(ceilings[i] as number);
    });
    expect(first).not.toEqual(ceilings);
  });

  it('counts retries in $$.State.RetryCount', async () => {
    const seen: unknown[] = [];
    const { runtime } = specRuntime({
      handlers: {
        [FN]: (_input, context) => {
          seen.push((context.contextObject.State as { RetryCount: number }).RetryCount);
          if (seen.length < 3) throw new TaskFailedError('Flaky', 'again');
          return null;
        },
      },
    });
    await runtime.execute(retrying({ ErrorEquals: ['Flaky'], IntervalSeconds: 1, MaxAttempts: 5 }));
    expect(seen).toEqual([0, 1, 2]);
  });

  it('does not retry States.Runtime, even when a retrier names States.ALL', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: FN,
          Parameters: { 'missing.$': '$.nowhere' },
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 5 }],
          End: true,
        },
      },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});
