import { createDurableRuntime, SchemaVersionMismatchError, StoreCorruptionError } from '@stepwise/runtime';
import { batch, describeStoreContract, eventRow, executionRow } from '@stepwise/runtime/store-contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

const open = async () =>
  new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema: uniqueSchema('contract') });
const dispose = async (store: PostgresStore) => {
  await store.close();
  await dropSchema(store.schema);
};

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

describe.skipIf(!TEST_POSTGRES_URL)('PostgreSQL', () => {
  describeStoreContract('PostgreSQL', { open, dispose }, { describe, it, beforeEach, afterEach });

  describe('PostgreSQL store', () => {
    let store: PostgresStore;
    beforeEach(async () => {
      store = await open();
      await store.init();
    });
    afterEach(() => dispose(store));

    it('reports unparsable details and unknown statuses as corruption', async () => {
      const row = executionRow('corrupt');
      await store.commit(
        batch({ executions: [row], events: [eventRow(row.executionArn, 1, 'ExecutionStarted', {})] }),
      );
      await store.pool.query(`UPDATE ${store.schema}.events SET details = '{oops'`);
      await expect(createDurableRuntime({ store }).getExecutionHistory(row.executionArn)).rejects.toThrow(
        StoreCorruptionError,
      );
      await store.pool.query(`UPDATE ${store.schema}.executions SET status = 'MAYBE'`);
      await expect(store.getExecution(row.executionArn)).rejects.toMatchObject({ code: 'STORE_CORRUPTED' });
    });

    it('migrates once when many stores start together, and refuses a newer schema', async () => {
      const others = Array.from(
        { length: 4 },
        () => new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema: store.schema }),
      );
      await Promise.all(others.map((other) => other.init()));
      const { rows } = await store.pool.query(`SELECT version FROM ${store.schema}.stepwise_migrations`);
      expect(rows).toHaveLength(1);
      await store.pool.query(`INSERT INTO ${store.schema}.stepwise_migrations VALUES (99, 0)`);
      const newer = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema: store.schema });
      await expect(newer.init()).rejects.toThrow(SchemaVersionMismatchError);
      await Promise.all([...others, newer].map((other) => other.close()));
    });

    it('wakes a waiting worker through LISTEN/NOTIFY', async () => {
      const woken = new Promise<void>((resolve) => store.onWake(resolve));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await store.wake();
      await woken;
    });

    it('runs executions on workers in other runtimes, each exactly once', async () => {
      const definition = {
        StartAt: 'Work',
        States: {
          Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:w', End: true },
        },
      };
      const ran: string[] = [];
      const workers = [0, 1].map((i) =>
        createDurableRuntime({
          store: new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema: store.schema }),
          owner: `worker-${i}`,
          handlers: {
            'arn:aws:lambda:us-east-1:123456789012:function:w': async (input) => {
              ran.push(`${i}:${String(input)}`);
              await new Promise((resolve) => setTimeout(resolve, 20));
              return input;
            },
          },
        }),
      );
      const loops = workers.map((w) => w.startWorker({ concurrency: 3, pollMs: 50 }));
      const client = createDurableRuntime({ store });
      const started = await Promise.all(
        Array.from({ length: 12 }, (_, i) => client.startExecution(definition, { input: i, enqueue: true })),
      );
      const results = await Promise.all(started.map((s) => s.result()));
      if (results[0]?.status !== 'SUCCEEDED') console.log(results[0]);
      expect(results.map((r) => (r.status === 'SUCCEEDED' ? r.output : r))).toEqual(
        Array.from({ length: 12 }, (_, i) => i),
      );
      expect(ran).toHaveLength(12);
      expect(new Set(ran.map((r) => r.split(':')[0])).size).toBe(2);
      await Promise.all(loops.map((loop) => loop.stop()));
      await Promise.all(workers.map((w) => w.close()));
    });
  });
});
