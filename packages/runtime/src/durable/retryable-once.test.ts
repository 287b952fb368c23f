import { describe, expect, it } from 'vitest';
import { RetryableOnce } from './retryable-once';

describe('RetryableOnce', () => {
  it('runs its work once for every caller, while in flight and after it succeeded', async () => {
    let runs = 0;
    const once = new RetryableOnce(async () => ++runs);
    expect(once.started).toBe(false);
    expect(await Promise.all([once.run(), once.run()])).toEqual([1, 1]);
    expect(await once.run()).toBe(1);
    expect(runs).toBe(1);
    expect(once.started).toBe(true);
  });

  it('does not keep a failure: the next call runs the work again', async () => {
    let runs = 0;
    const once = new RetryableOnce(async () => {
      runs++;
      if (runs === 1) throw new Error('unreachable');
      return runs;
    });
    await expect(once.run()).rejects.toThrow('unreachable');
    expect(once.started).toBe(false);
    expect(await once.run()).toBe(2);
    expect(once.started).toBe(true);
  });
});
