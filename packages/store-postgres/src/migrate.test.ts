import { batch, executionRow, T0 } from '@stepwise/runtime/store-contract';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStoreOptionError } from './errors';
import { PostgresStore } from './postgres-store';
import { MIGRATIONS } from './schema';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

describe.skipIf(!TEST_POSTGRES_URL)('migrating the schema', () => {
  it('migrates once when stores start together on a database whose default isolation is repeatable read', async () => {
    const schema = uniqueSchema('migrate_rr');
    const pools = Array.from({ length: 4 }, () => {
      const pool = new pg.Pool({
        connectionString: TEST_POSTGRES_URL,
        options: '-c default_transaction_isolation=repeatable\\ read',
      });
      pool.on('error', () => {});
      return pool;
    });
    const stores = pools.map((pool) => new PostgresStore({ pool, schema }));
    try {
      const results = await Promise.allSettled(stores.map((store) => store.init()));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      const { rows } = await pools[0]!.query(`SELECT version FROM ${schema}.stepwise_migrations`);
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      for (const store of stores) await store.close();
      for (const pool of pools) await pool.end();
      await dropSchema(schema);
    }
  });

  it('brings a schema of the previous version to the commit function planned once per connection', async () => {
    const schema = uniqueSchema('migrate_plan');
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    try {
      await store.init();
      // As a database migrated by an earlier release: the commit function's last migration (and
      // the heartbeat time's after it) not yet applied.
      await admin(`DELETE FROM ${schema}.stepwise_migrations WHERE version >= ${MIGRATIONS.length - 1};
        ALTER FUNCTION ${schema}.commit_batch RESET ALL`);
      const again = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
      await again.init();
      await again.close();
      const { rows } = await store.pool.query<{ proconfig: string[] | null }>(
        `SELECT proconfig FROM pg_proc WHERE proname = 'commit_batch' AND pronamespace = $1::regnamespace`,
        [schema],
      );
      expect(rows).toEqual([{ proconfig: ['plan_cache_mode=force_generic_plan'] }]);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('brings a schema of the previous version to heartbeats that keep the time they were sent', async () => {
    const schema = uniqueSchema('migrate_beat');
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    try {
      await store.init();
      // As the previous release left it: no heartbeat time, and signal_task without one.
      await admin(`DELETE FROM ${schema}.stepwise_migrations WHERE version = ${MIGRATIONS.length};
        ALTER TABLE ${schema}.task_tokens DROP COLUMN heartbeat_at;
        DROP FUNCTION ${schema}.signal_task(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BIGINT);
        DROP FUNCTION ${schema}.signal_task(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT);
        CREATE FUNCTION ${schema}.signal_task(
          p_token TEXT, p_arn TEXT, p_kind TEXT, p_output TEXT, p_error TEXT, p_cause TEXT
        ) RETURNS TEXT LANGUAGE sql AS $$ SELECT 'ACCEPTED' $$;`);
      const again = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
      await again.init();
      const row = executionRow('beating');
      await again.commit(batch({ executions: [row] }));
      expect(await again.heartbeatTask('beat.1', row.executionArn, T0 + 42)).toBe('ACCEPTED');
      expect((await again.getTaskToken('beat.1'))?.heartbeatAt).toBe(T0 + 42);
      // A worker of the previous release, still running, signals as it did: its heartbeat is
      // stored with the database's time, and its answers are stored as before.
      const before = Date.now();
      await store.pool.query(`SELECT ${schema}.signal_task($1, $2, 'HEARTBEAT', NULL, NULL, NULL)`, [
        'beat.2',
        row.executionArn,
      ]);
      expect((await again.getTaskToken('beat.2'))?.heartbeatAt).toBeGreaterThanOrEqual(before - 1_000);
      const { rows } = await store.pool.query<{ outcome: string }>(
        `SELECT ${schema}.signal_task($1, $2, 'SUCCESS', '"done"', NULL, NULL) AS outcome`,
        ['beat.1', row.executionArn],
      );
      expect(rows).toEqual([{ outcome: 'ACCEPTED' }]);
      expect((await again.getTaskToken('beat.1'))?.answer).toEqual({ kind: 'SUCCESS', output: '"done"' });
      await again.close();
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('refuses a schema named by an SQL keyword with a typed error', async () => {
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema: 'order' });
    try {
      await expect(store.init()).rejects.toMatchObject({
        code: 'POSTGRES_STORE_OPTION',
        option: 'schema',
        message: expect.stringMatching(/not an SQL keyword/),
      });
    } finally {
      await store.close();
    }
  });

  it('starts on a migrated schema with a role that may not create schemas', async () => {
    const schema = uniqueSchema('migrate_role');
    const role = `${schema}_user`;
    const owner = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    await owner.init();
    await owner.close();
    // The role may use the schema, but not create one in the database.
    await admin(`CREATE ROLE ${role} LOGIN; GRANT USAGE, CREATE ON SCHEMA ${schema} TO ${role};
      GRANT ALL ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    const url = new URL(TEST_POSTGRES_URL as string);
    url.username = role;
    const limited = new PostgresStore({ connectionString: url.toString(), schema });
    try {
      await limited.init();
      expect(await limited.listExecutions()).toEqual([]);
    } finally {
      await limited.close();
      await dropSchema(schema);
      await admin(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
  });
});

describe('PostgresStore options', () => {
  it.each([
    ['schema', { schema: 'Bad-Name' }],
    ['schema', { schema: 'pg_stepwise' }],
    ['schema', { schema: 'information_schema' }],
    ['maxConnections', { maxConnections: 1 }],
    ['maxConnections', { maxConnections: 2.5 }],
  ])("refuses a bad '%s' when constructed", (option, options) => {
    let thrown: unknown;
    try {
      new PostgresStore({ connectionString: 'postgres://127.0.0.1:1/none', ...options });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PostgresStoreOptionError);
    expect(thrown).toMatchObject({ code: 'POSTGRES_STORE_OPTION', option });
  });
});
