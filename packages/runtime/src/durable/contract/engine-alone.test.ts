import { describe, expect, it } from 'vitest';
import { DiscardingStore, engineOneTransitionPerSecond, oneTransitionCeiling } from './engine-alone';

describe('the engine-alone workload and the ceiling of one transition per commit', () => {
  it('runs the bench chain one transition a commit: eleven commits for ten Tasks', async () => {
    const { perSecond, commitsPerTransition } = await engineOneTransitionPerSecond(3);
    expect(perSecond).toBeGreaterThan(0);
    expect(commitsPerTransition).toBeCloseTo(1.1, 5);
  });

  it('keeps nothing: a commit lands at once and no execution can be read back', async () => {
    const store = new DiscardingStore();
    await expect(store.commit()).resolves.toEqual({ fenced: [] });
    await expect(store.getExecution()).resolves.toBeUndefined();
  });

  it('adds the engine time per transition to one raw commit per commit made', () => {
    // 1,000 raw commits a second (1 ms each), an engine taking 0.1 ms a transition and 1.1
    // commits a transition: 1.2 ms a transition, 0.83 of the raw rate.
    expect(oneTransitionCeiling(1000, 10_000, 1.1)).toBeCloseTo(1 / 1.2, 10);
    // An engine that took no time would leave only the commits: 1 / 1.1.
    expect(oneTransitionCeiling(1000, Number.POSITIVE_INFINITY, 1.1)).toBeCloseTo(1 / 1.1, 10);
  });
});
