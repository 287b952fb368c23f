import { describe, expect, it } from 'vitest';
import { boundedBy, settledWithin } from './bounded-wait';

describe('boundedBy', () => {
  it('gives what settles in time, and leaves no timer behind', async () => {
    const before = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    expect(await boundedBy(Promise.resolve('answered'), 1_000, () => new Error('late'))).toBe('answered');
    await expect(
      boundedBy(Promise.reject(new Error('refused')), 1_000, () => new Error('late')),
    ).rejects.toThrow('refused');
    const after = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    expect(after).toBeLessThanOrEqual(before);
  });

  it('rejects with what the caller says once the time is up', async () => {
    await expect(boundedBy(new Promise(() => {}), 20, () => new Error('no answer in 20 ms'))).rejects.toThrow(
      'no answer in 20 ms',
    );
  });

  it('settledWithin waits for the work however it settles, and for the time at most', async () => {
    await expect(settledWithin(Promise.reject(new Error('refused')), 1_000)).resolves.toBeUndefined();
    const began = Date.now();
    await expect(settledWithin(new Promise(() => {}), 20)).resolves.toBeUndefined();
    expect(Date.now() - began).toBeLessThan(1_000);
  });
});
