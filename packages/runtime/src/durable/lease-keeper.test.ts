import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from './durable-runtime';
import type { CommitBatch, CommitResult } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';

const charge = 'arn:aws:lambda:us-east-1:123456789012:function:charge';

/** A shared store whose commits that end an execution take longer than a lease lasts. */
class SlowEnds extends InMemoryDurableStore {
  override readonly shared = true;
  readonly failedCommits: string[] = [];
  override async commit(batch: CommitBatch): Promise<CommitResult> {
    if (batch.events.some((e) => e.type === 'ExecutionSucceeded')) {
      await new Promise((resolve) => setTimeout(resolve, 800));
    }
    try {
      return await super.commit(batch);
    } catch (error) {
      this.failedCommits.push(String(error));
      throw error;
    }
  }
}

describe('the leases of a worker', () => {
  it('are kept for an execution that ended here until its end is committed: no claim runs it again', async () => {
    const store = new SlowEnds();
    let calls = 0;
    const runtime = createDurableRuntime({
      store,
      leaseMs: 300,
      handlers: { [charge]: () => ({ charged: ++calls }) },
    });
    const worker = runtime.startWorker({ concurrency: 1, pollMs: 20 });
    const started = await runtime.startExecution(
      { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: charge, End: true } } },
      { enqueue: true },
    );
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { charged: 1 } });
    // Long enough for the worker's claims to have found the execution, had its lease run out.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect([calls, store.failedCommits]).toEqual([1, []]);
    await worker.stop();
    await runtime.close();
  });
});

/** A shared store whose commits that start an execution take longer than a renewal interval. */
class SlowStarts extends InMemoryDurableStore {
  override readonly shared = true;
  override async commit(batch: CommitBatch): Promise<CommitResult> {
    if (batch.executions.length > 0) await new Promise((resolve) => setTimeout(resolve, 80));
    return super.commit(batch);
  }
}

describe('the leases of a runtime starting executions', () => {
  it('are not renewed before the start is committed, so a renewal meanwhile drops nothing', async () => {
    const store = new SlowStarts();
    // Renewals every 10 ms, while each start takes 80 ms to commit.
    const runtime = createDurableRuntime({ store, leaseMs: 30, handlers: { [charge]: () => 'charged' } });
    const task = { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: charge, End: true } } };
    // One execution keeps running, so the renewals run throughout.
    const keep = await runtime.startExecution({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 5, End: true } },
    });
    for (let i = 0; i < 5; i++) {
      const run = await runtime.startExecution(task, { name: `start-${i}` });
      expect(await run.result()).toEqual({ status: 'SUCCEEDED', output: 'charged' });
    }
    expect((await store.getExecution(keep.executionArn))?.status).toBe('RUNNING');
    await runtime.close();
  });
});
