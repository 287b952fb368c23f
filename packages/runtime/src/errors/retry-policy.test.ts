import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/random';
import { compileRetriers, RetryState } from './retry-policy';

const noRandom = () => 0.5;

describe('Retry back-off', () => {
  it('multiplies the interval by BackoffRate on each attempt and stops after MaxAttempts', () => {
    const retry = new RetryState(
      compileRetriers([{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3 }]),
    );
    const delays = [1, 2, 3, 4].map(() => retry.nextDelay('Boom', noRandom));
    expect(delays).toEqual([1000, 2000, 4000, undefined]);
    expect(retry.retryCount).toBe(3);
  });

  it('caps each delay at MaxDelaySeconds', () => {
    const retry = new RetryState(
      compileRetriers([
        { ErrorEquals: ['Boom'], IntervalSeconds: 3, BackoffRate: 3, MaxAttempts: 3, MaxDelaySeconds: 5 },
      ]),
    );
    expect([1, 2, 3].map(() => retry.nextDelay('Boom', noRandom))).toEqual([3000, 5000, 5000]);
  });

  it('draws FULL jitter from the seeded random source, reproducibly and within the delay', () => {
    const spec = [{ ErrorEquals: ['Boom'], IntervalSeconds: 10, MaxAttempts: 5, JitterStrategy: 'FULL' }];
    const first = new RetryState(compileRetriers(spec));
    const second = new RetryState(compileRetriers(spec));
    const a = [1, 2, 3].map(() => first.nextDelay('Boom', createSeededRandom(7)));
    const b = [1, 2, 3].map(() => second.nextDelay('Boom', createSeededRandom(7)));
    expect(a).toEqual(b);
    a.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(10_000 * 2 ** i);
    });
  });

  it('lets the first matching retrier decide, even when it has no attempts left', () => {
    const retry = new RetryState(
      compileRetriers([
        { ErrorEquals: ['Boom'], MaxAttempts: 0 },
        { ErrorEquals: ['States.ALL'], MaxAttempts: 5 },
      ]),
    );
    expect(retry.nextDelay('Boom', noRandom)).toBeUndefined();
    expect(retry.nextDelay('Other', noRandom)).toBe(1000);
  });

  it('never retries States.Runtime, not even when a retrier names it', () => {
    const retry = new RetryState(compileRetriers([{ ErrorEquals: ['States.Runtime', 'States.ALL'] }]));
    expect(retry.nextDelay('States.Runtime', noRandom)).toBeUndefined();
  });
});
