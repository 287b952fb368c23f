import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

describe.skipIf(!TEST_POSTGRES_URL)("the store's own pool", () => {
  it('outlives its idle connections being ended by the server, and opens new ones', async () => {
    const schema = uniqueSchema('idle');
    const url = new URL(TEST_POSTGRES_URL as string);
    url.searchParams.set('application_name', schema);
    const store = new PostgresStore({ connectionString: url.toString(), schema });
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
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
});
