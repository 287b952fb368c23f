import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from './durable-runtime';
import type { ClaimedRun, ClaimRequest, CommitBatch, CommitResult, StoredEvent } from './durable-store';
import { distributedState, fn, oneTask as oneTaskOf } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const oneTask = oneTaskOf(fn('work'));
const longNap = {
  StartAt: 'Nap',
  States: {
    Nap: { Type: 'Wait', Seconds: 3600, Next: 'After' },
    After: { Type: 'Task', Resource: fn('work'), End: true },
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ends = (events: readonly StoredEvent[]) =>
  events.filter((e) => /^Execution(Succeeded|Failed|TimedOut|Aborted)$/.test(e.type)).map((e) => e.type);

/** A memory store whose commits take a while, as a database's round trip does. */
class SlowCommits extends InMemoryDurableStore {
  delayMs = 0;
  override async commit(batch: CommitBatch): Promise<CommitResult> {
    if (this.delayMs > 0) await sleep(this.delayMs);
    return super.commit(batch);
  }
}

/** A runtime whose task answers when the test says; `answer` resolves the pending call. */
function withPendingTask(store: InMemoryDurableStore) {
  const pending: Array<(value: unknown) => void> = [];
  const runtime = createDurableRuntime({
    store,
    handlers: { [fn('work')]: () => new Promise((resolve) => pending.push(resolve)) },
  });
  return { runtime, pending };
}

describe('durable runtime: stops that race', () => {
  it('two stops of one execution at once both resolve, and one ExecutionAborted is written', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, unloadAfterMs: 20 });
    try {
      const started = await runtime.startExecution(longNap);
      await until(() => runtime.running === 0);
      const [first, second] = await Promise.all([
        runtime.stopExecution(started.executionArn, { cause: 'by the user' }),
        runtime.stopExecution(started.executionArn, { cause: 'by its Map' }),
      ]);
      expect(second.stopDate).toEqual(first.stopDate);
      const events = await store.listEvents(started.executionArn);
      expect(ends(events)).toEqual(['ExecutionAborted']);
      expect(await started.result()).toEqual({ status: 'ABORTED', cause: 'by the user' });
    } finally {
      await runtime.close();
    }
  });

  it('a stop arriving while the end of the execution is being committed leaves the end as it is', async () => {
    const store = new SlowCommits();
    const { runtime, pending } = withPendingTask(store);
    try {
      const started = await runtime.startExecution(oneTask);
      await until(() => pending.length === 1);
      store.delayMs = 40;
      pending[0]?.('done');
      await sleep(10);
      const { stopDate } = await runtime.stopExecution(started.executionArn, { cause: 'too late' });
      expect(ends(await store.listEvents(started.executionArn))).toEqual(['ExecutionSucceeded']);
      expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
      expect(stopDate.getTime()).toBe((await store.getExecution(started.executionArn))?.stopTime);
    } finally {
      await runtime.close();
    }
  });

  it('a stop arriving before the end is even queued behind another commit does not lose the end', async () => {
    const store = new SlowCommits();
    const { runtime, pending } = withPendingTask(store);
    try {
      const first = await runtime.startExecution(oneTask);
      const second = await runtime.startExecution(oneTask);
      await until(() => pending.length === 2);
      store.delayMs = 40;
      pending[1]?.('second done'); // its commit goes first and holds the queue
      await sleep(5);
      pending[0]?.('first done'); // its end waits behind it
      await sleep(5);
      await runtime.stopExecution(first.executionArn, { cause: 'too late' });
      expect(ends(await store.listEvents(first.executionArn))).toEqual(['ExecutionSucceeded']);
      expect(await first.result()).toEqual({ status: 'SUCCEEDED', output: 'first done' });
      expect(await second.result()).toEqual({ status: 'SUCCEEDED', output: 'second done' });
      expect(pending).toHaveLength(2);
    } finally {
      await runtime.close();
    }
  });

  it('a stop that failed part-way through nested Maps is finished by stopping the parent again', async () => {
    const store = new InMemoryDurableStore();
    let calls = 0;
    const inner = { StartAt: 'Inner', States: { Inner: distributedState(oneTask, { ItemsPath: '$.sub' }) } };
    const nested = { StartAt: 'Outer', States: { Outer: distributedState(inner) } };
    const first = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: () => {
          calls++;
          return new Promise<never>(() => {});
        },
      },
    });
    const parent = await first.startExecution(nested, { input: { items: [{ sub: [1] }] } });
    await until(() => calls === 1);
    await first.close();
    // The grandchild's end fails to commit once.
    const commit = store.commit.bind(store);
    let refusals = 1;
    store.commit = async (batch) => {
      const grandchild = batch.events.some(
        (e) => e.type === 'ExecutionAborted' && e.executionArn.includes('/Inner:'),
      );
      if (grandchild && refusals-- > 0) throw new Error('disk full');
      return commit(batch);
    };
    const second = createDurableRuntime({ store });
    try {
      await expect(second.stopExecution(parent.executionArn)).rejects.toThrow('disk full');
      await second.stopExecution(parent.executionArn);
      const rows = await store.listExecutions();
      expect(rows.map((row) => row.status)).toEqual(['ABORTED', 'ABORTED', 'ABORTED']);
    } finally {
      await second.close();
    }
  });

  it('a stop between a claim and the resume it leads to is not undone by the history the claim read', async () => {
    /** A claim whose answer (histories included) arrives a while after the store made it. */
    class SlowClaims extends InMemoryDurableStore {
      delayMs = 0;
      override async claim(request: ClaimRequest): Promise<ClaimedRun[]> {
        const rows = await super.claim(request);
        if (this.delayMs > 0) await sleep(this.delayMs);
        return rows;
      }
    }
    const store = new SlowClaims();
    const twoTasks = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: fn('a'), Next: 'B' },
        B: { Type: 'Task', Resource: fn('b'), End: true },
      },
    };
    let inA = false;
    const first = createDurableRuntime({
      store,
      handlers: {
        [fn('a')]: () => {
          inA = true;
          return new Promise(() => {});
        },
      },
    });
    const started = await first.startExecution(twoTasks, { name: 'stopped-while-claimed' });
    await until(() => inA);
    await first.close();

    const calls: string[] = [];
    const second = createDurableRuntime({
      store,
      handlers: {
        [fn('a')]: () => calls.push('a'),
        [fn('b')]: () => calls.push('b'),
      },
    });
    try {
      store.delayMs = 50;
      const recovering = second.recover();
      await sleep(10);
      await second.stopExecution(started.executionArn, { cause: 'by the user' });
      await recovering;
      await sleep(50);
      expect(calls).toEqual([]);
      expect(ends(await store.listEvents(started.executionArn))).toEqual(['ExecutionAborted']);
      expect((await store.getExecution(started.executionArn))?.status).toBe('ABORTED');
    } finally {
      await second.close();
    }
  });
});

/** A store whose next commit is slow, then fails once (a transient database error). */
class FailingCommit extends InMemoryDurableStore {
  failNext = false;
  inFlight = false;
  override async commit(batch: CommitBatch): Promise<CommitResult> {
    if (!this.failNext) return super.commit(batch);
    this.failNext = false;
    this.inFlight = true;
    await sleep(40);
    this.inFlight = false;
    throw new Error('connection reset');
  }
}

describe('a stop of an execution running here, while a commit of it fails', () => {
  it('still stops it, through the store, rather than reporting a stop the commit dropped', async () => {
    const store = new FailingCommit();
    const answers: Array<(value: unknown) => void> = [];
    let callsOfB = 0;
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('a')]: () => new Promise((resolve) => answers.push(resolve)),
        [fn('b')]: () => {
          callsOfB++;
          return new Promise(() => {});
        },
      },
    });
    const twoTasks = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: fn('a'), Next: 'B' },
        B: { Type: 'Task', Resource: fn('b'), End: true },
      },
    };
    const started = await runtime.startExecution(twoTasks, { name: 'x' });
    await until(() => answers.length === 1);
    await sleep(20);
    store.failNext = true;
    // A's end and B's start go in a commit that fails; the stop comes while it is in flight.
    answers[0]?.('a done');
    await until(() => store.inFlight);
    await runtime.stopExecution(started.executionArn, { cause: 'by the user' });
    const calledBefore = callsOfB;
    expect((await store.getExecution(started.executionArn))?.status).toBe('ABORTED');
    // The resume planned for the handed-back execution finds it stopped, and runs nothing.
    await sleep(1_200);
    expect(callsOfB).toBe(calledBefore);
    expect(ends(await store.listEvents(started.executionArn))).toEqual(['ExecutionAborted']);
    await runtime.close();
  });
});
