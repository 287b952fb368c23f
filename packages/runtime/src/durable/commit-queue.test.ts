import { describe, expect, it } from 'vitest';
import { CommitQueue } from './commit-queue';
import { nextTurn } from './contract/bench-chain';
import { eventRow, executionRow } from './contract/sample-rows';
import type { CommitBatch, CommitResult } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';

/** An in-memory store whose next commit, once armed, is held until released: then it fails or lands. */
function gatedStore() {
  const store = new InMemoryDurableStore();
  const commit = store.commit.bind(store);
  const committed: CommitBatch[] = [];
  let armed = false;
  let release: ((fail: boolean) => void) | undefined;
  const land = async (batch: CommitBatch) => {
    const result = await commit(batch);
    committed.push(batch);
    return result;
  };
  store.commit = (batch: CommitBatch): Promise<CommitResult> => {
    if (!armed) return land(batch);
    armed = false;
    return new Promise((resolve, reject) => {
      release = (fail) => (fail ? reject(new Error('disk full')) : resolve(land(batch)));
    });
  };
  const arm = () => {
    armed = true;
    release = undefined;
  };
  /** Waits until the armed commit is made, and returns its release. */
  const held = async () => {
    while (!release) await new Promise((resolve) => setImmediate(resolve));
    return release;
  };
  return { store, arm, held, committed };
}

describe('group commit', () => {
  it('writes what was recorded during a commit in the next one', async () => {
    const { store, arm, held, committed } = gatedStore();
    const queue = new CommitQueue({ store, owner: undefined, onRefused: () => {} });
    const x = executionRow('x');
    arm();
    queue.addExecution(x);
    queue.addEvent(eventRow(x.executionArn, 1, 'ExecutionStarted', {}));
    const release = await held();
    queue.addEvent(eventRow(x.executionArn, 2, 'PassStateEntered', { name: 'P' }));
    queue.addEvent(eventRow(x.executionArn, 3, 'PassStateExited', { name: 'P' }));
    release(false);
    await queue.flushed();
    expect(committed.map((b) => b.events.map((e) => e.id))).toEqual([[1], [2, 3]]);
  });

  it('drops what a refused execution recorded while its failed commit was in flight, so its history has no hole', async () => {
    const { store, arm, held } = gatedStore();
    const x = executionRow('x');
    const y = executionRow('y');
    await store.commit({
      executions: [x, y],
      events: [eventRow(x.executionArn, 1, 'ExecutionStarted', {})],
      timersSet: [],
      timersCleared: [],
      owner: undefined,
    });
    const refused: string[][] = [];
    const queue = new CommitQueue({ store, owner: undefined, onRefused: (arns) => refused.push([...arns]) });

    arm();
    queue.addEvent(eventRow(x.executionArn, 2, 'PassStateEntered', { name: 'P' }));
    const failing = queue.flushed();
    const release = await held();
    // Recorded while the commit of event 2 is in flight.
    queue.addEvent(eventRow(x.executionArn, 3, 'PassStateExited', { name: 'P' }));
    queue.setTimer({ executionArn: x.executionArn, timerId: 'wait', due: 1 });
    queue.addEvent(eventRow(y.executionArn, 1, 'ExecutionStarted', {}));
    const next = queue.flushed();
    release(true);

    await expect(failing).rejects.toThrow('disk full');
    await next;
    expect(refused).toEqual([[x.executionArn]]);
    expect((await store.listEvents(x.executionArn)).map((e) => e.id)).toEqual([1]);
    expect(await store.listTimers(x.executionArn)).toEqual([]);
    expect((await store.listEvents(y.executionArn)).map((e) => e.id)).toEqual([1]);
  });

  it('keeps the row of a named timer cleared and set again before the next commit', async () => {
    const { store, committed } = gatedStore();
    const queue = new CommitQueue({ store, owner: undefined, onRefused: () => {} });
    const x = executionRow('x');
    queue.addExecution(x);
    queue.setTimer({ executionArn: x.executionArn, timerId: 'heartbeat:E', due: 60_000 });
    await queue.flushed();
    // A heartbeat: the timer is cleared and set again under its name.
    queue.clearTimer(x.executionArn, 'heartbeat:E');
    queue.setTimer({ executionArn: x.executionArn, timerId: 'heartbeat:E', due: 90_000 });
    await queue.flushed();
    expect(committed[1]?.timersCleared).toEqual([]);
    expect((await store.listTimers(x.executionArn)).map((t) => [t.timerId, t.due])).toEqual([
      ['heartbeat:E', 90_000],
    ]);
  });

  it('tells its clock of a commit from the moment it is scheduled until it settles', async () => {
    const { store, committed } = gatedStore();
    const tracked: Promise<unknown>[] = [];
    const clock = {
      track: <T>(work: Promise<T>) => {
        tracked.push(work);
        return work;
      },
    };
    const queue = new CommitQueue({ store, owner: undefined, onRefused: () => {}, clock });
    const x = executionRow('x');
    queue.addExecution(x);
    queue.addEvent(eventRow(x.executionArn, 1, 'ExecutionStarted', {}));
    // Scheduled, not yet written: a virtual clock must already count it as work in flight.
    expect([tracked.length, committed.length]).toEqual([1, 0]);
    await tracked[0];
    expect(committed).toHaveLength(1);
  });

  it('waits for the executions that are moving to stop before it commits: a run of quick steps is one commit', async () => {
    const { store, committed } = gatedStore();
    const queue = new CommitQueue({ store, owner: undefined, onRefused: () => {} });
    const x = executionRow('x');
    queue.addExecution(x);
    queue.addEvent(eventRow(x.executionArn, 1, 'ExecutionStarted', {}));
    // Each step answers on the next turn of the event loop, as a task that answers at once does.
    for (let id = 2; id <= 6; id++) {
      await nextTurn();
      queue.addEvent(eventRow(x.executionArn, id, 'PassStateEntered', { name: `P${id}` }));
    }
    await queue.flushed();
    expect(committed.map((b) => b.events.map((e) => e.id))).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('commits within a millisecond or so while executions keep recording on every turn', async () => {
    const { store, committed } = gatedStore();
    const queue = new CommitQueue({ store, owner: undefined, onRefused: () => {} });
    const x = executionRow('x');
    queue.addExecution(x);
    const until = performance.now() + 20;
    let id = 0;
    while (performance.now() < until) {
      queue.addEvent(eventRow(x.executionArn, ++id, 'PassStateEntered', { name: 'P' }));
      await nextTurn();
    }
    const duringTheRun = committed.length;
    await queue.flushed();
    expect(duringTheRun).toBeGreaterThanOrEqual(5);
    expect(committed.flatMap((b) => b.events.map((e) => e.id))).toEqual(
      Array.from({ length: id }, (_, i) => i + 1),
    );
  });
});
