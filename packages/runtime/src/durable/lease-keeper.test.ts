import { describe, expect, it, vi } from 'vitest';
import type { Clock } from '../clock/clock';
import { createVirtualClock } from '../clock/virtual-clock';
import { batch, executionRow } from './contract/sample-rows';
import { createDurableRuntime } from './durable-runtime';
import type { CommitBatch, CommitResult } from './durable-store';
import { LeaseKeeper } from './lease-keeper';
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

/** A shared store whose renewals stop answering (or fail at once) once told to. */
class FailingRenewals extends InMemoryDurableStore {
  override readonly shared = true;
  failing: 'no' | 'hang' | 'refuse' = 'no';
  override async renew(owner: string, arns: readonly string[], leaseMs: number, now: number) {
    if (this.failing === 'hang') return new Promise<string[]>(() => {});
    if (this.failing === 'refuse') throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    return super.renew(owner, arns, leaseMs, now);
  }
}

describe('the leases of a runtime whose database stops answering', () => {
  it.each(['hang', 'refuse'] as const)(
    'are let go once they run out unconfirmed (renewals %s), so no more of their tasks are called here',
    async (failing) => {
      const store = new FailingRenewals();
      const calls: string[] = [];
      const step = (name: string) => ({ Type: 'Task', Resource: charge, Parameters: { step: name } });
      const runtime = createDurableRuntime({
        store,
        leaseMs: 300,
        handlers: {
          [charge]: async (input: unknown) => {
            calls.push((input as { step: string }).step);
            await new Promise((resolve) => setTimeout(resolve, 150));
            return input;
          },
        },
      });
      await runtime.startExecution({
        StartAt: 'A',
        States: {
          A: { ...step('a'), Next: 'B' },
          B: { ...step('b'), Next: 'C' },
          C: { ...step('c'), Next: 'D' },
          D: { ...step('d'), Next: 'E' },
          E: { ...step('e'), Next: 'F' },
          F: { ...step('f'), Next: 'G' },
          G: { ...step('g'), Next: 'H' },
          H: { ...step('h'), End: true },
        },
      });
      store.failing = failing;
      const hungAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 900));
      // Its lease ran out unconfirmed within 300 ms of the hang: it stopped here, its tasks with it
      // (run on, it would still be at its sixth of eight steps).
      expect(Date.now() - hungAt).toBeGreaterThan(800);
      expect(runtime.running).toBe(0);
      expect(calls.length).toBeLessThanOrEqual(4);
      await runtime.close();
    },
  );
});

describe('the leases of a runtime whose database is slow but answers', () => {
  /** A shared store whose renewals each take half a lease. */
  class SlowRenewals extends InMemoryDurableStore {
    override readonly shared = true;
    override async renew(owner: string, arns: readonly string[], leaseMs: number, now: number) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return super.renew(owner, arns, leaseMs, now);
    }
  }

  it('are kept: a renewal is sent while the one before still waits', async () => {
    let release: () => void = () => {};
    const held = new Promise<string>((resolve) => {
      release = () => resolve('done');
    });
    const runtime = createDurableRuntime({
      store: new SlowRenewals(),
      leaseMs: 300,
      handlers: { [charge]: () => held },
    });
    const run = await runtime.startExecution({
      StartAt: 'Charge',
      States: { Charge: { Type: 'Task', Resource: charge, End: true } },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(runtime.running).toBe(1);
    release();
    expect(await run.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
    await runtime.close();
  });

  it('are kept by the time that passes, whatever a virtual clock the test moves says', async () => {
    const clock = createVirtualClock({ start: Date.UTC(2026, 0, 1) });
    class Shared extends InMemoryDurableStore {
      override readonly shared = true;
    }
    const runtime = createDurableRuntime({
      store: new Shared(),
      clock,
      leaseMs: 300,
      handlers: { [charge]: () => 'charged' },
    });
    const run = await runtime.startExecution({
      StartAt: 'Nap',
      States: {
        Nap: { Type: 'Wait', Seconds: 3600, Next: 'Charge' },
        Charge: { Type: 'Task', Resource: charge, End: true },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    clock.advance(3_600_000);
    expect(await run.result()).toEqual({ status: 'SUCCEEDED', output: 'charged' });
    await runtime.close();
  });
});

describe('a lease keeper on its own', () => {
  it('lets go of a lease whose renewals slowed down, then stopped answering', async () => {
    vi.useFakeTimers();
    try {
      class SlowThenHanging extends InMemoryDurableStore {
        override readonly shared = true;
        hanging = false;
        override async renew(owner: string, arns: readonly string[], leaseMs: number, now: number) {
          if (this.hanging) return new Promise<string[]>(() => {});
          await new Promise((resolve) => setTimeout(resolve, 150));
          return super.renew(owner, arns, leaseMs, now);
        }
      }
      const store = new SlowThenHanging();
      const row = executionRow('held', { owner: 'w1', leaseExpires: Date.now() + 300 });
      await store.commit(batch({ executions: [row] }));
      const lost: string[] = [];
      let live = [row.executionArn];
      const keeper = new LeaseKeeper({
        store,
        owner: 'w1',
        leaseMs: 300,
        // The faked Date.now, which the fake timers move.
        clock: { now: () => Date.now() } as Clock,
        liveArns: () => live,
        lost: (arns) => {
          lost.push(...arns);
          live = live.filter((arn) => !arns.includes(arn));
        },
        afterRenewal: async () => {},
      });
      keeper.start();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(lost).toEqual([]);
      store.hanging = true;
      await vi.advanceTimersByTimeAsync(3_000);
      expect(lost).toEqual([row.executionArn]);
      keeper.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
