import { describe, expect, it } from 'vitest';
import { batch, eventRow, executionRow } from './contract/sample-rows';
import type { DurableStore } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';
import { ARNS_PER_QUERY, FAILED_POLLS_TOLERATED, ResultWatch } from './result-watch';
import { StoreTimeoutError } from './store-errors';

/** A real in-memory store that counts the reads the watch makes. */
function countingStore(options: { endedAmong?: boolean } = {}) {
  const store = new InMemoryDurableStore();
  const asked: number[] = [];
  let singleReads = 0;
  const counted: DurableStore = Object.create(store);
  counted.getExecution = (arn) => {
    singleReads++;
    return store.getExecution(arn);
  };
  if (options.endedAmong === false) counted.endedAmong = undefined;
  else {
    counted.endedAmong = (arns) => {
      asked.push(arns.length);
      return store.endedAmong(arns);
    };
  }
  return { store: counted, asked, singleReads: () => singleReads };
}

async function started(store: DurableStore, names: readonly string[]): Promise<string[]> {
  const rows = names.map((name) => executionRow(name));
  await store.commit(
    batch({
      executions: rows,
      events: rows.map((row) => eventRow(row.executionArn, 1, 'ExecutionStarted', {})),
    }),
  );
  return rows.map((row) => row.executionArn);
}

function succeeded(arn: string, output: string) {
  return eventRow(arn, 2, 'ExecutionSucceeded', { output });
}

describe('waiting on results of executions that run elsewhere', () => {
  it('asks the store about every waited execution at once, each poll, not once per handle', async () => {
    const { store, asked, singleReads } = countingStore();
    const arns = await started(
      store,
      Array.from({ length: 100 }, (_, i) => `many-${i}`),
    );
    const watch = new ResultWatch(store, 5);
    const results = Promise.all(arns.map((arn) => watch.wait(arn)));
    await store.commit(batch({ events: arns.map((arn, i) => succeeded(arn, `{"i":${i}}`)) }));
    const outputs = (await results).map((result) => (result.status === 'SUCCEEDED' ? result.output : result));
    expect(outputs).toEqual(arns.map((_, i) => ({ i })));
    expect(asked.every((count) => count === 100)).toBe(true);
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(singleReads()).toBe(0);
    expect(watch.waited).toBe(0);
  });

  it('keeps waiting on the executions still running, and settles each as it ends', async () => {
    const { store } = countingStore();
    const [first, second] = (await started(store, ['first', 'second'])) as [string, string];
    const watch = new ResultWatch(store, 5);
    const waitingOnSecond = watch.wait(second);
    await store.commit(batch({ events: [succeeded(first, '1')] }));
    await expect(watch.wait(first)).resolves.toEqual({ status: 'SUCCEEDED', output: 1 });
    expect(watch.waited).toBe(1);
    await store.commit(
      batch({ events: [eventRow(second, 2, 'ExecutionFailed', { error: 'E', cause: 'c' })] }),
    );
    await expect(waitingOnSecond).resolves.toEqual({ status: 'FAILED', error: 'E', cause: 'c' });
  });

  it(`asks about at most ${ARNS_PER_QUERY} executions at a time`, async () => {
    const { store, asked } = countingStore();
    const arns = await started(
      store,
      Array.from({ length: ARNS_PER_QUERY * 2 + 10 }, (_, i) => `wide-${i}`),
    );
    const watch = new ResultWatch(store, 5);
    const results = Promise.all(arns.map((arn) => watch.wait(arn)));
    await store.commit(batch({ events: arns.map((arn) => succeeded(arn, 'true')) }));
    expect(await results).toHaveLength(arns.length);
    expect(Math.max(...asked)).toBe(ARNS_PER_QUERY);
  });

  it('reads each execution alone from a store that cannot answer for many', async () => {
    const { store, singleReads } = countingStore({ endedAmong: false });
    const arns = await started(store, ['alone-a', 'alone-b']);
    const watch = new ResultWatch(store, 5);
    const results = Promise.all(arns.map((arn) => watch.wait(arn)));
    await store.commit(batch({ events: arns.map((arn) => succeeded(arn, 'null')) }));
    expect(await results).toEqual([
      { status: 'SUCCEEDED', output: null },
      { status: 'SUCCEEDED', output: null },
    ]);
    expect(singleReads()).toBeGreaterThanOrEqual(2);
  });

  it('looks at once when told an execution ended here, without waiting for the next poll', async () => {
    const { store } = countingStore();
    const [arn] = (await started(store, ['nudged'])) as [string];
    const watch = new ResultWatch(store, 3_600_000);
    const result = watch.wait(arn);
    await store.commit(batch({ events: [succeeded(arn, '"done"')] }));
    watch.nudge(arn);
    await expect(result).resolves.toEqual({ status: 'SUCCEEDED', output: 'done' });
  });

  it('tries a failed poll again at the next interval: a brief outage fails nobody', async () => {
    const { store } = countingStore();
    const [arn] = (await started(store, ['blip'])) as [string];
    const read = store.endedAmong?.bind(store) as NonNullable<DurableStore['endedAmong']>;
    let failures = 0;
    store.endedAmong = (arns) =>
      ++failures < FAILED_POLLS_TOLERATED ? Promise.reject(new Error('connection reset')) : read(arns);
    const watch = new ResultWatch(store, 2);
    const result = watch.wait(arn);
    await store.commit(batch({ events: [succeeded(arn, '7')] }));
    await expect(result).resolves.toEqual({ status: 'SUCCEEDED', output: 7 });
    expect(failures).toBe(FAILED_POLLS_TOLERATED);
  });

  it(`rejects those waiting with the last error after ${FAILED_POLLS_TOLERATED} failed polls in a row`, async () => {
    const { store } = countingStore();
    const [arn] = (await started(store, ['unreadable'])) as [string];
    let polls = 0;
    store.endedAmong = () => Promise.reject(new Error(`connection lost (${++polls})`));
    const watch = new ResultWatch(store, 2);
    await expect(watch.wait(arn)).rejects.toThrow(`connection lost (${FAILED_POLLS_TOLERATED})`);
    expect(watch.waited).toBe(0);
  });

  it('counts a poll the store never answers as failed, so later polls still run', async () => {
    const { store } = countingStore();
    const [arn] = (await started(store, ['hung'])) as [string];
    const read = store.endedAmong?.bind(store) as NonNullable<DurableStore['endedAmong']>;
    let polls = 0;
    store.endedAmong = (arns) => (++polls === 1 ? new Promise(() => {}) : read(arns));
    const watch = new ResultWatch(store, 2, 20);
    const result = watch.wait(arn);
    await store.commit(batch({ events: [succeeded(arn, '"late"')] }));
    await expect(result).resolves.toEqual({ status: 'SUCCEEDED', output: 'late' });
    expect(polls).toBeGreaterThanOrEqual(2);
  });

  it('gives a timed-out store a typed error once polls keep timing out', async () => {
    const { store } = countingStore();
    const [arn] = (await started(store, ['silent'])) as [string];
    store.endedAmong = () => new Promise(() => {});
    const watch = new ResultWatch(store, 1, 5);
    await expect(watch.wait(arn)).rejects.toMatchObject({ code: 'STORE_TIMEOUT', timeoutMs: 5 });
    expect(await watch.wait(arn).catch((error: unknown) => error)).toBeInstanceOf(StoreTimeoutError);
  });
  it("ends a wait with its signal's reason once the signal fires, and stops asking about it", async () => {
    const { store, asked } = countingStore();
    const [kept, dropped] = (await started(store, ['kept', 'dropped'])) as [string, string];
    const watch = new ResultWatch(store, 2);
    const stop = new AbortController();
    const keptResult = watch.wait(kept);
    const droppedResult = watch.wait(dropped, stop.signal);
    stop.abort(new Error('branch cancelled'));
    await expect(droppedResult).rejects.toThrow('branch cancelled');
    expect(watch.waited).toBe(1);
    await store.commit(batch({ events: [succeeded(kept, '1')] }));
    await expect(keptResult).resolves.toEqual({ status: 'SUCCEEDED', output: 1 });
    expect(asked.every((count) => count === 1)).toBe(true);
  });

  it('tells its tracker of a look made at once until the look is made, and of no other', async () => {
    const { store } = countingStore();
    const [arn] = await started(store, ['tracked']);
    const tracked: Promise<void>[] = [];
    const watch = new ResultWatch(store, 3_600_000, undefined, (work) => tracked.push(work));
    let settled = false;
    const result = watch.wait(arn as string).then(() => {
      settled = true;
    });
    expect(tracked).toHaveLength(0);
    await store.commit(batch({ events: [succeeded(arn as string, '1')] }));
    watch.nudge(arn as string);
    expect(tracked).toHaveLength(1);
    await tracked[0];
    await result;
    expect(settled).toBe(true);
  });
});

describe('a watch whose runtime has closed', () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

  it('keeps polling, but no longer keeps the process alive, and still settles what ends', async () => {
    const { store } = countingStore();
    const [arn] = await started(store, ['after-close']);
    const watch = new ResultWatch(store, 5);
    const before = timers();
    const result = watch.wait(arn as string);
    expect(timers()).toBe(before + 1);
    watch.detach();
    expect(timers()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Polls made since are not counted as keeping the process alive either.
    expect(timers()).toBeLessThanOrEqual(before);
    await store.commit(batch({ events: [succeeded(arn as string, '{"late":true}')] }));
    expect(await result).toEqual({ status: 'SUCCEEDED', output: { late: true } });
  });
});
