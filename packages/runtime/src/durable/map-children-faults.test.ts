import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../tasks/task-handler';
import { createDurableRuntime } from './durable-runtime';
import { MAP_RUN_STOPPED } from './map-children';
import { distributedState, fn, oneTask } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';
import { FAILED_POLLS_TOLERATED } from './result-watch';
import { until } from './until.fixtures';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A distributed Map over what its item reader gives, each child running one Task. */
const readItems = {
  StartAt: 'Each',
  States: {
    Each: distributedState(oneTask(fn('work')), {
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } },
    }),
  },
};

const never = () => new Promise<never>(() => {});

const childRows = async (store: InMemoryDurableStore, parentArn: string) =>
  (await store.listExecutions()).filter((row) => row.executionArn !== parentArn);

describe('durable distributed Map children, when things go wrong', () => {
  it('finds its children again after a restart, whichever of two concurrent Maps starts first', async () => {
    const store = new InMemoryDurableStore();
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'Slow',
              States: {
                Slow: { Type: 'Task', Resource: fn('slow'), ResultPath: null, Next: 'MapA' },
                MapA: distributedState(oneTask(fn('a'), 'WorkA')),
              },
            },
            {
              StartAt: 'Fast',
              States: {
                Fast: { Type: 'Task', Resource: fn('fast'), ResultPath: null, Next: 'MapB' },
                MapB: distributedState(oneTask(fn('b'), 'WorkB')),
              },
            },
          ],
        },
      },
    };
    const calls: string[] = [];
    const handlers = (answer: (item: string) => unknown) => ({
      // On the first run Slow answers late; replayed, both answer at once, in another order.
      [fn('slow')]: async () => sleep(60),
      [fn('fast')]: () => 1,
      [fn('a')]: (item: unknown) => {
        calls.push(`a${item}`);
        return answer(`a${item}`);
      },
      [fn('b')]: (item: unknown) => {
        calls.push(`b${item}`);
        return answer(`b${item}`);
      },
    });
    const first = createDurableRuntime({ store, handlers: handlers(never) });
    const parent = await first.startExecution(definition, { name: 'p', input: { items: [1, 2] } });
    await until(() => calls.length === 4, 4000);
    await first.close();

    const second = createDurableRuntime({ store, handlers: handlers((done) => done) });
    await second.recover();
    expect(await parent.result()).toEqual({
      status: 'SUCCEEDED',
      output: [
        ['a1', 'a2'],
        ['b1', 'b2'],
      ],
    });
    // Each child ran once before the restart and once after it (it was in flight), no more.
    expect(calls.sort()).toEqual(['a1', 'a1', 'a2', 'a2', 'b1', 'b1', 'b2', 'b2']);
    expect(await childRows(store, parent.executionArn)).toHaveLength(4);
    await second.close();
  });

  it('aborts a child that left memory while it waited, when its Map fails', async () => {
    const store = new InMemoryDurableStore();
    const ran: unknown[] = [];
    const runtime = createDurableRuntime({
      store,
      unloadAfterMs: 50,
      handlers: { [fn('work')]: (item: unknown) => ran.push(item) },
    });
    const processor = {
      StartAt: 'Which',
      States: {
        Which: {
          Type: 'Choice',
          Choices: [{ Variable: '$', StringEquals: 'bad', Next: 'Short' }],
          Default: 'Long',
        },
        Short: { Type: 'Wait', Seconds: 1, Next: 'Fail' },
        Fail: { Type: 'Fail', Error: 'Item.Bad', Cause: 'bad item' },
        Long: { Type: 'Wait', Seconds: 2, Next: 'Work' },
        Work: { Type: 'Task', Resource: fn('work'), End: true },
      },
    };
    const parent = await runtime.startExecution(
      { StartAt: 'Each', States: { Each: distributedState(processor) } },
      { input: { items: ['bad', 'long'] } },
    );
    expect(await parent.result()).toMatchObject({ status: 'FAILED', error: 'Item.Bad' });
    await until(async () =>
      (await childRows(store, parent.executionArn)).every((c) => c.status !== 'RUNNING'),
    );
    const long = (await childRows(store, parent.executionArn)).find((c) => c.input === '"long"');
    expect(long).toMatchObject({ status: 'ABORTED', cause: MAP_RUN_STOPPED });
    const history = await runtime.getExecutionHistory(long?.executionArn ?? '');
    expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
    expect(history.at(-1)?.type).toBe('ExecutionAborted');
    await sleep(1200);
    expect(ran).toEqual([]);
    await runtime.close();
  });

  it('aborts the children still running when the parent times out', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (item: unknown, context: TaskContext) =>
          item === 'slow'
            ? new Promise((resolve) => context.signal.addEventListener('abort', resolve))
            : item,
      },
    });
    const definition = {
      TimeoutSeconds: 1,
      StartAt: 'Each',
      States: { Each: distributedState(oneTask(fn('work'))) },
    };
    const parent = await runtime.startExecution(definition, { input: { items: ['slow', 'fast'] } });
    expect(await parent.result()).toMatchObject({ status: 'TIMED_OUT' });
    await until(async () =>
      (await childRows(store, parent.executionArn)).every((c) => c.status !== 'RUNNING'),
    );
    const statuses = (await childRows(store, parent.executionArn)).map((c) => c.status).sort();
    expect(statuses).toEqual(['ABORTED', 'SUCCEEDED']);
    await runtime.close();
  });

  it('does not deadlock a worker whose every slot holds a parent waiting on its children', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, handlers: { [fn('work')]: (item: unknown) => item } });
    const worker = runtime.startWorker({ concurrency: 1, pollMs: 20 });
    const parents = await Promise.all(
      [0, 1].map((i) =>
        runtime.startExecution(
          { StartAt: 'Each', States: { Each: distributedState(oneTask(fn('work'))) } },
          { name: `p${i}`, input: { items: [i, i + 10] } },
        ),
      ),
    );
    const results = await Promise.all(parents.map((p) => p.result()));
    expect(results).toEqual([
      { status: 'SUCCEEDED', output: [0, 10] },
      { status: 'SUCCEEDED', output: [1, 11] },
    ]);
    await worker.stop();
    await runtime.close();
  });

  it('reads a child again after failed reads, rather than failing the parent', async () => {
    const store = new InMemoryDurableStore();
    const read = store.endedAmong.bind(store);
    let failed = 0;
    // Enough failures in a row to end the shared poll's own retries: the parent still waits on.
    store.endedAmong = async (arns: readonly string[]) => {
      if (arns.some((arn) => arn.includes('/Each:')) && failed < FAILED_POLLS_TOLERATED) {
        failed++;
        throw new Error('Connection terminated unexpectedly');
      }
      return read(arns);
    };
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: async (item: unknown) => {
          await sleep(100);
          return item;
        },
      },
    });
    const parent = await runtime.startExecution(
      { StartAt: 'Each', States: { Each: distributedState(oneTask(fn('work'))) } },
      { input: { items: [1] } },
    );
    expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: [1] });
    expect(failed).toBe(FAILED_POLLS_TOLERATED);
    await runtime.close();
  });

  it('fails with States.Runtime when the items changed since its children started', async () => {
    const store = new InMemoryDurableStore();
    let items = ['a', 'b'];
    const itemReaders = { 'arn:aws:states:::s3:getObject': () => items };
    let calls = 0;
    const first = createDurableRuntime({
      store,
      itemReaders,
      handlers: {
        [fn('work')]: () => {
          calls++;
          return never();
        },
      },
    });
    const parent = await first.startExecution(readItems, { input: {} });
    await until(() => calls === 2, 4000);
    await first.close();
    items = ['b', 'a'];
    const second = createDurableRuntime({
      store,
      itemReaders,
      handlers: { [fn('work')]: (item: unknown) => item },
    });
    await second.recover();
    const result = await parent.result();
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.status === 'FAILED' && result.cause).toMatch(/items changed since the Map Run started/);
    await second.close();
  });

  it('fails with States.Runtime when it reads more items than it started with, before starting any', async () => {
    const store = new InMemoryDurableStore();
    let items = ['a', 'b'];
    const itemReaders = { 'arn:aws:states:::s3:getObject': () => items };
    let calls = 0;
    const hang = {
      [fn('work')]: () => {
        calls++;
        return never();
      },
    };
    const first = createDurableRuntime({ store, itemReaders, handlers: hang });
    const parent = await first.startExecution(readItems, { input: {} });
    await until(() => calls === 2, 4000);
    await first.close();
    items = ['a', 'b', 'c', 'd'];
    const second = createDurableRuntime({ store, itemReaders, handlers: hang });
    await second.recover();
    const result = await parent.result();
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.status === 'FAILED' && result.cause).toMatch(/recorded 2 items and now reads 4/);
    // Children are named by index: no child beyond the two recorded was started.
    expect((await store.listExecutions()).length).toBe(3);
    await second.close();
  });

  it('leaves a parent that was starting a child when the runtime closed running, to resume later', async () => {
    const store = new InMemoryDurableStore();
    const commit = store.commit.bind(store);
    // Slow commits: close() waits on its flush while the Map tries to start its child.
    store.commit = async (batch) => {
      await sleep(700);
      return commit(batch);
    };
    const read = store.getExecution.bind(store);
    let closing: Promise<void> | undefined;
    store.getExecution = async (arn: string) => {
      if (arn.includes('/Each:')) closing ??= runtime.close();
      return read(arn);
    };
    const runtime = createDurableRuntime({ store, handlers: { [fn('work')]: (item: unknown) => item } });
    const parent = await runtime.startExecution(
      { StartAt: 'Each', States: { Each: distributedState(oneTask(fn('work'))) } },
      { input: { items: [1] } },
    );
    await until(() => closing !== undefined, 4000);
    await closing;
    await sleep(1500);
    expect((await read(parent.executionArn))?.status).toBe('RUNNING');

    store.getExecution = read;
    store.commit = commit;
    const next = createDurableRuntime({ store, handlers: { [fn('work')]: (item: unknown) => item } });
    await next.recover();
    expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: [1] });
    await next.close();
  });
});
