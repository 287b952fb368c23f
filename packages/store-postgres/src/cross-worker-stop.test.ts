import { createDurableRuntime, type DurableRuntime, type TaskContext } from '@stepwise/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

const work = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const slowTask = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: work, End: true } } };
const mapOverItems = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Work',
        States: { Work: { Type: 'Task', Resource: work, End: true } },
      },
      End: true,
    },
  },
};

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

/**
 * Two runtimes in this process, each with its own pool and LISTEN connection, stand for two
 * processes: `worker` claims and runs executions; `console` runs none and stops them. Leases last
 * a minute, so a prompt let-go can only come from the store's notice, not from a renewal.
 */
describe.skipIf(!TEST_POSTGRES_URL)('PostgreSQL: stopping an execution another worker runs', () => {
  let schema: string;
  let stores: PostgresStore[];
  let worker: DurableRuntime;
  let console: DurableRuntime;
  let stopLoop: () => Promise<void>;
  const signals: AbortSignal[] = [];
  const open = () => {
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    schema = uniqueSchema('stop');
    stores = [];
    signals.length = 0;
    worker = createDurableRuntime({
      store: open(),
      owner: 'worker-a',
      leaseMs: 60_000,
      handlers: {
        [work]: (_input: unknown, context: TaskContext) => {
          signals.push(context.signal);
          return new Promise<never>(() => {});
        },
      },
    });
    const loop = worker.startWorker({ concurrency: 4, pollMs: 50 });
    stopLoop = () => loop.stop();
    console = createDurableRuntime({ store: open(), owner: 'console', leaseMs: 60_000 });
  });

  afterEach(async () => {
    await stopLoop();
    await Promise.all([worker.close(), console.close()]);
    await Promise.all(stores.map((store) => store.close()));
    await dropSchema(schema);
  });

  it('ends it ABORTED with one terminal event, and the worker lets its copy go at once', async () => {
    const started = await console.startExecution(slowTask, { name: 'order-7', enqueue: true });
    await until(() => signals.length === 1);
    expect(worker.running).toBe(1);

    const { stopDate } = await console.stopExecution(started.executionArn, {
      error: 'Cancelled',
      cause: 'The customer cancelled the order.',
    });
    expect(await started.result()).toEqual({
      status: 'ABORTED',
      error: 'Cancelled',
      cause: 'The customer cancelled the order.',
    });
    const row = await console.describeExecution(started.executionArn);
    expect([row?.owner, row?.stopTime]).toEqual([undefined, stopDate.getTime()]);

    await until(() => worker.running === 0);
    expect(signals[0]?.aborted).toBe(true);
    const history = await started.history();
    expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
    expect(history.filter((e) => e.type.startsWith('Execution')).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'ExecutionAborted',
    ]);
    expect(history.at(-1)?.executionAbortedEventDetails).toEqual({
      error: 'Cancelled',
      cause: 'The customer cancelled the order.',
    });
  });

  it('stops the children of a distributed Map that the worker runs beside the stopped parent', async () => {
    const started = await console.startExecution(mapOverItems, {
      name: 'batch-3',
      input: { items: [1, 2] },
      enqueue: true,
    });
    await until(() => signals.length === 2);
    // Both children are stored: a child whose start is still being committed is not found (Limits).
    for (let i = 0; i < 400 && (await stores[0]?.listExecutions())?.length !== 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await console.stopExecution(started.executionArn, { cause: 'Cancelled by the operator.' });
    // Once the stop returns, the parent and both children have ended in the store.
    const rows = await stores[0]?.listExecutions();
    expect(rows?.map((row) => [row.name === 'batch-3' ? 'parent' : 'child', row.status]).sort()).toEqual([
      ['child', 'ABORTED'],
      ['child', 'ABORTED'],
      ['parent', 'ABORTED'],
    ]);
    // The worker lets its copies of all three go, told by the store.
    await until(() => worker.running === 0);
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
  });

  it('lets two runtimes stop the same execution at once: both return, one end is written', async () => {
    const other = createDurableRuntime({ store: open(), owner: 'console-2', leaseMs: 60_000 });
    try {
      const started = await console.startExecution(slowTask, { enqueue: true });
      await until(() => signals.length === 1);
      const [first, second] = await Promise.all([
        console.stopExecution(started.executionArn, { cause: 'first' }),
        other.stopExecution(started.executionArn, { cause: 'second' }),
      ]);
      expect(second.stopDate).toEqual(first.stopDate);
      const history = await started.history();
      expect(history.filter((e) => e.type === 'ExecutionAborted')).toHaveLength(1);
      expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
    } finally {
      await other.close();
    }
  });

  it('stops a queued execution before any worker has claimed it', async () => {
    await stopLoop();
    const queued = await console.startExecution(slowTask, { enqueue: true });
    await console.stopExecution(queued.executionArn);
    expect((await queued.history()).map((e) => e.type)).toEqual(['ExecutionStarted', 'ExecutionAborted']);
    const again = worker.startWorker({ concurrency: 4, pollMs: 50 });
    stopLoop = () => again.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(signals).toEqual([]);
    expect(await queued.result()).toEqual({ status: 'ABORTED' });
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`still waiting for ${check}`);
}
