import { describe, expect, it } from 'vitest';
import { batch, eventRow, executionRow } from './contract/sample-rows';
import { InMemoryDurableStore } from './memory-durable-store';

describe('the in-memory durable store', () => {
  it('refuses a batch whose end cannot be read without writing any of it', async () => {
    const store = new InMemoryDurableStore();
    const execution = executionRow('a');
    await store.commit(
      batch({
        executions: [execution],
        events: [eventRow(execution.executionArn, 1, 'ExecutionStarted', {})],
      }),
    );
    const end = { ...eventRow(execution.executionArn, 3, 'ExecutionSucceeded'), details: 'not json' };
    const refused = store.commit(
      batch({ events: [eventRow(execution.executionArn, 2, 'PassStateEntered', { name: 'P' }), end] }),
    );
    await expect(refused).rejects.toThrow();
    expect((await store.getExecution(execution.executionArn))?.status).toBe('RUNNING');
    expect((await store.listEvents(execution.executionArn)).map((e) => e.id)).toEqual([1]);
  });
});
