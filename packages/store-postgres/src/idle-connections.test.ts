import { batch, executionRow } from '@stepwise/runtime/store-contract';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

/**
 * A store in a schema of its own whose connections carry the schema as their application name, so
 * that a second session (`admin`) can find and end them.
 */
async function storeBesideAdmin(label: string) {
  const schema = uniqueSchema(label);
  const url = new URL(TEST_POSTGRES_URL as string);
  url.searchParams.set('application_name', schema);
  const store = new PostgresStore({ connectionString: url.toString(), schema });
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  return { schema, store, admin };
}

describe.skipIf(!TEST_POSTGRES_URL)("the store's own pool", () => {
  it('outlives its idle connections being ended by the server, and opens new ones', async () => {
    const { schema, store, admin } = await storeBesideAdmin('idle');
    try {
      await store.init();
      await Promise.all([store.listExecutions(), store.listExecutions(), store.listExecutions()]);
      expect(store.pool.idleCount).toBeGreaterThan(0);
      // What a server restart or an idle-session timeout does to the pool's connections.
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1',
        [schema],
      );
      expect(rows.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // An unheard pool 'error' would have ended the test process by now.
      expect(await store.listExecutions()).toEqual([]);
    } finally {
      await admin.end();
      await store.close();
      await dropSchema(schema);
    }
  });

  it('fails a call whose connection the server ends mid-transaction, and does not end the process', async () => {
    const { schema, store, admin } = await storeBesideAdmin('ended');
    try {
      await store.init();
      const row = executionRow('held', { owner: 'w1', leaseExpires: Date.now() + 60_000 });
      await store.commit(batch({ executions: [row], owner: 'w1' }));
      // The unload waits on the row, which another session holds, in a transaction of its own.
      await admin.query('BEGIN');
      await admin.query(`SELECT 1 FROM ${schema}.executions WHERE arn = $1 FOR UPDATE`, [row.executionArn]);
      const unloading = store.unload('w1', row.executionArn, Date.now() + 60_000, []);
      // Heard at once: it may fail while the test still awaits the termination below, before the
      // assertion listens.
      unloading.catch(() => {});
      const waiting = async () =>
        (
          await admin.query(
            "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
            [schema],
          )
        ).rows as { pid: number }[];
      let pids: { pid: number }[] = [];
      for (let i = 0; i < 200 && pids.length === 0; i++) {
        pids = await waiting();
        if (pids.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(pids.length).toBe(1);
      await admin.query('SELECT pg_terminate_backend($1)', [pids[0]?.pid]);
      await expect(unloading).rejects.toThrow();
      await admin.query('ROLLBACK');
      // An unheard 'error' on the connection would have ended the test process by now.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await store.getExecution(row.executionArn))?.owner).toBe('w1');
    } finally {
      await admin.end();
      await store.close();
      await dropSchema(schema);
    }
  });
});
