import { describe, expect, it } from 'vitest';
import { InMemoryDurableStore } from '../memory-durable-store';
import { oneTransitionEvents, storeCommitsPerSecond } from './store-commits';

describe('the store-commit workload', () => {
  it('takes one step of the bench chain as the engine commits it: the answer, the exit, the next entry and call', async () => {
    const step = await oneTransitionEvents();
    expect(step.map((event) => event.type)).toEqual([
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
    ]);
  });

  it('commits that step again and again to one execution, leaving its history contiguous', async () => {
    const store = new InMemoryDurableStore();
    const rate = await storeCommitsPerSecond(store, 0.05);
    expect(rate).toBeGreaterThan(0);
    const [execution] = await store.listExecutions();
    expect(execution?.owner).toBe('bench-commits');
    const events = await store.listEvents(execution?.executionArn ?? '');
    expect(events.map((event) => event.id)).toEqual(events.map((_, i) => i + 1));
    expect(events.length).toBeGreaterThan(1 + 5 * 200);
    expect(events.at(-1)?.type).toBe('LambdaFunctionStarted');
  });
});
