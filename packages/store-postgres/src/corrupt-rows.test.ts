import { createDurableRuntime, StoreCorruptionError } from '@stepwise/runtime';
import { settledRow } from '@stepwise/runtime/store-contract';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { MIGRATIONS } from './schema';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

const work = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const task = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: work, End: true } } };
const arnOf = (name: string) => `arn:aws:states:us-east-1:123456789012:execution:StateMachine:${name}`;

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

describe.skipIf(!TEST_POSTGRES_URL)('PostgreSQL: an execution row that cannot be read', () => {
  const schema = uniqueSchema('corrupt');
  const stores: PostgresStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await dropSchema(schema);
  });

  it('cannot hold a status the runtime never writes, which no claim would take', async () => {
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    stores.push(store);
    const runtime = createDurableRuntime({ store, owner: 'console' });
    await runtime.startExecution(task, { name: 'a', enqueue: true });
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await expect(
        client.query(`UPDATE ${schema}.executions SET status = 'Running' WHERE name = 'a'`),
      ).rejects.toThrow(/executions_status_known/);
    } finally {
      await client.end();
      await runtime.close();
    }
  });

  it('names a status from before the constraint as corruption when the store starts', async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      // A schema from before the status constraint, holding a row with a status the runtime never writes.
      const constraint = MIGRATIONS.findIndex((sql) => sql.includes('executions_status_known'));
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(
        `CREATE TABLE ${schema}.stepwise_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`,
      );
      for (const [i, sql] of MIGRATIONS.slice(0, constraint).entries()) {
        await client.query(sql.replaceAll('{s}', schema));
        await client.query(`INSERT INTO ${schema}.stepwise_migrations VALUES ($1, 0)`, [i + 1]);
      }
      await client.query(
        `INSERT INTO ${schema}.executions (arn, name, machine_arn, definition_id, input, start_time, status, redrive_count)
         VALUES ('arn:x', 'x', 'arn:m', 'd', '{}', 0, 'Running', 0)`,
      );
    } finally {
      await client.end();
    }
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    stores.push(store);
    await expect(store.init()).rejects.toThrow(StoreCorruptionError);
    await expect(store.init()).rejects.toThrow(/arn:x \("Running"\)/);
  });

  it('holds back none of the executions a worker claims with it', async () => {
    const open = () => {
      const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
      stores.push(store);
      return store;
    };
    const console = createDurableRuntime({ store: open(), owner: 'console' });
    for (const name of ['a', 'b', 'c']) await console.startExecution(task, { name, enqueue: true });
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`UPDATE ${schema}.executions SET input = '{not json' WHERE name = 'b'`);
    } finally {
      await client.end();
    }

    const worker = createDurableRuntime({
      store: open(),
      owner: 'worker',
      handlers: { [work]: async () => 'done' },
    });
    const loop = worker.startWorker({ concurrency: 4, pollMs: 20 });
    try {
      for (const name of ['a', 'c']) {
        const row = await settledRow(() => console.describeExecution(arnOf(name)), 4000);
        expect([name, row?.status]).toEqual([name, 'SUCCEEDED']);
      }
      await expect(console.describeExecution(arnOf('b'))).rejects.toThrow(
        /corrupted input of execution .*:b/,
      );
    } finally {
      await loop.stop();
      await Promise.all([worker.close(), console.close()]);
    }
  });
});
