import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from './durable-runtime';
import type { CommitBatch, CommitResult, StoredExecution } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const oneTask = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: fn('work'), End: true } } };

/** A memory store that counts execution reads and can fail the commit carrying an execution's end. */
class ObservedStore extends InMemoryDurableStore {
  reads = 0;
  failEnds = 0;
  override getExecution(executionArn: string): Promise<StoredExecution | undefined> {
    this.reads++;
    return super.getExecution(executionArn);
  }
  override commit(batch: CommitBatch): Promise<CommitResult> {
    if (this.failEnds > 0 && batch.events.some((e) => e.type === 'ExecutionSucceeded')) {
      this.failEnds--;
      return Promise.reject(new Error('disk full'));
    }
    return super.commit(batch);
  }
}

describe('durable execution handles: result()', () => {
  it('gives the outcome of an execution that ended here without reading the store, as the store holds it', async () => {
    const store = new ObservedStore();
    const runtime = createDurableRuntime({
      store,
      handlers: { [fn('work')]: () => ({ when: new Date(Date.UTC(2026, 0, 2)), gone: undefined }) },
    });
    try {
      const started = await runtime.startExecution(oneTask);
      store.reads = 0;
      const result = await started.result();
      expect(store.reads).toBe(0);
      // The output as its JSON reads back: a Date becomes its text, undefined members go.
      expect(result).toStrictEqual({ status: 'SUCCEEDED', output: { when: '2026-01-02T00:00:00.000Z' } });
      const stored = await store.getExecution(started.executionArn);
      expect(stored?.output).toBe(JSON.stringify(result.status === 'SUCCEEDED' && result.output));
    } finally {
      await runtime.close();
    }
  });

  it('gives a failure without undefined fields, as the store gives it', async () => {
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: {
        [fn('work')]: () => {
          throw Object.assign(new Error('out of stock'), { name: 'Stock.Empty' });
        },
      },
    });
    try {
      const started = await runtime.startExecution(oneTask);
      const result = await started.result();
      expect(result).toStrictEqual({ status: 'FAILED', error: 'Stock.Empty', cause: 'out of stock' });
    } finally {
      await runtime.close();
    }
  });

  it('reads the store when the commit of the end failed: the run that lands is the one reported', async () => {
    const store = new ObservedStore();
    store.failEnds = 1;
    let calls = 0;
    const runtime = createDurableRuntime({
      store,
      handlers: {
        // Answers later than a commit waits for quiet, so the end is committed apart from the start.
        [fn('work')]: async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return ++calls === 1 ? 'lost with the failed commit' : 'committed';
        },
      },
    });
    try {
      const started = await runtime.startExecution(oneTask);
      expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'committed' });
      expect(calls).toBe(2);
      expect((await store.getExecution(started.executionArn))?.output).toBe('"committed"');
    } finally {
      await runtime.close();
    }
  });
});
