import { type Clock, createDurableRuntime, createRealClock, type DurableRuntime } from '@stepwise/runtime';
import { approval, tokenBox } from '@stepwise/runtime/store-contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

/**
 * Two runtimes in this process, each with its own pool and LISTEN connection, stand for two
 * processes: `worker` claims and runs executions; `elsewhere` runs none and only talks to tasks.
 */
describe.skipIf(!TEST_POSTGRES_URL)('PostgreSQL: tasks of an execution another worker runs', () => {
  let schema: string;
  let stores: PostgresStore[];
  let worker: DurableRuntime;
  let elsewhere: DurableRuntime;
  let stopWorker: () => Promise<void>;
  let tokens: string[];
  const open = () => {
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    schema = uniqueSchema('tasks');
    stores = [];
    const box = tokenBox();
    tokens = box.tokens;
    worker = createDurableRuntime({ store: open(), owner: 'worker-a', handlers: box.handlers });
    const loop = worker.startWorker({ concurrency: 4, pollMs: 50 });
    stopWorker = () => loop.stop();
    elsewhere = createDurableRuntime({ store: open(), owner: 'elsewhere' });
  });

  afterEach(async () => {
    await stopWorker();
    await Promise.all([worker.close(), elsewhere.close()]);
    await Promise.all(stores.map((store) => store.close()));
    await dropSchema(schema);
  });

  it('routes sendTaskSuccess from another runtime to the worker running the execution', async () => {
    const started = await elsewhere.startExecution(approval, { name: 'approval', enqueue: true });
    await until(() => tokens.length === 1);
    expect(worker.running).toBe(1);
    expect(elsewhere.running).toBe(0);
    await elsewhere.sendTaskSuccess(tokens[0] as string, { approved: true });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    await expect(elsewhere.sendTaskSuccess(tokens[0] as string, {})).rejects.toMatchObject({
      code: 'TASK_TIMED_OUT',
    });
  });

  it('hands an activity task to a poller on another runtime and routes its heartbeat and answer back', async () => {
    const { activityArn } = await elsewhere.createActivity({ name: 'resize' });
    const definition = {
      StartAt: 'Resize',
      States: { Resize: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 2, End: true } },
    };
    const started = await elsewhere.startExecution(definition, { input: { width: 640 }, enqueue: true });
    const task = await elsewhere.getActivityTask(activityArn, { workerName: 'resizer-b' });
    expect(task?.input).toEqual({ width: 640 });
    const token = task?.taskToken as string;
    // Longer than HeartbeatSeconds in all: only the routed heartbeats keep the task alive.
    for (let beat = 0; beat < 4; beat++) {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await elsewhere.sendTaskHeartbeat(token);
    }
    await elsewhere.sendTaskSuccess(token, { resizedTo: 320 });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { resizedTo: 320 } });
    const history = await started.history();
    expect(history.find((e) => e.type === 'ActivityStarted')?.activityStartedEventDetails).toEqual({
      workerName: 'resizer-b',
    });
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('PostgreSQL: executions that only wait', () => {
  it('leave the worker that unloaded them, and are claimed by any worker once due', async () => {
    const schema = uniqueSchema('wake');
    const stores = [0, 1, 2].map(() => new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema }));
    // Only the second runtime can run the step after the Wait.
    const after = 'arn:aws:lambda:us-east-1:123456789012:function:after';
    // The hour-long Wait is never due for the first runtime; the second runs an hour ahead, so it
    // is due there as soon as the second starts, however slow the machine.
    const later: Clock = { ...createRealClock(), now: () => Date.now() + 3600 * 1000 };
    const [first, second, client] = stores.map((store, i) =>
      createDurableRuntime({
        store,
        owner: `runtime-${i}`,
        unloadAfterMs: 50,
        ...(i === 1
          ? { clock: later, handlers: { [after]: (input: unknown) => `${String(input)} by the second` } }
          : {}),
      }),
    ) as [DurableRuntime, DurableRuntime, DurableRuntime];
    try {
      const firstLoop = first.startWorker({ concurrency: 2, pollMs: 50 });
      const nap = {
        StartAt: 'Nap',
        States: {
          Nap: { Type: 'Wait', Seconds: 3600, Next: 'After' },
          After: { Type: 'Task', Resource: after, End: true },
        },
      };
      const started = await client.startExecution(nap, { input: 'rested', enqueue: true });
      await until(() => first.running === 1);
      await until(() => first.running === 0);
      expect(first.running).toBe(0);
      await firstLoop.stop();
      await first.close();
      const secondLoop = second.startWorker({ concurrency: 2, pollMs: 50 });
      expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'rested by the second' });
      await secondLoop.stop();
    } finally {
      await Promise.all([first, second, client].map((runtime) => runtime.close()));
      await Promise.all(stores.map((store) => store.close()));
      await dropSchema(schema);
    }
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}
