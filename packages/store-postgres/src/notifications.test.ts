import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RELISTEN_MS } from './notifications';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  for (let waited = 0; waited < ms && !(await check()); waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!TEST_POSTGRES_URL)('the connection that LISTENs for a PostgreSQL store', () => {
  let schema: string;
  let admin: pg.Client;
  beforeEach(async () => {
    schema = uniqueSchema('listen');
    admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
    await dropSchema(schema);
  });

  /** The server processes listening on this store's wake channel. */
  async function listeners(): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE query LIKE $1`,
      [`LISTEN ${schema}_wake;%`],
    );
    return rows.map((row) => row.pid);
  }

  it('is opened again when the database drops it, and tells the workers to look for due executions', async () => {
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    await store.init();
    let wakes = 0;
    store.onWake(() => wakes++);
    await until(async () => (await listeners()).length === 1);
    const [before] = await listeners();
    // What a restart, a failover or a proxy closing idle connections does to it.
    await admin.query('SELECT pg_terminate_backend($1)', [before]);
    await until(async () => {
      const now = await listeners();
      return now.length === 1 && now[0] !== before;
    });
    expect((await listeners()).filter((pid) => pid !== before)).toHaveLength(1);
    // Wakes sent while it was down are lost: the listeners are called once it listens again.
    await until(() => wakes === 1);
    expect(wakes).toBe(1);
    await admin.query('SELECT pg_notify($1, $2)', [`${schema}_wake`, '']);
    await until(() => wakes === 2);
    expect(wakes).toBe(2);
    await store.close();
  });

  it('is tried again while the database cannot be reached, a second later and then twice as long', async () => {
    const attempts: number[] = [];
    const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 2 });
    // The first two connections are refused, as while the database is still starting.
    const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
    pool.connect = (() => {
      attempts.push(Date.now());
      if (attempts.length <= 2) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
      return connect();
    }) as typeof pool.connect;
    const store = new PostgresStore({ pool, schema });
    let wakes = 0;
    store.onWake(() => wakes++);
    await until(async () => (await listeners()).length === 1, 6000);
    expect(attempts).toHaveLength(3);
    const gaps = attempts.slice(1).map((at, i) => at - (attempts[i] ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(RELISTEN_MS.first - 20);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * RELISTEN_MS.first - 20);
    await admin.query('SELECT pg_notify($1, $2)', [`${schema}_wake`, '']);
    await until(() => wakes > 0);
    expect(wakes).toBeGreaterThan(0);
    await store.close();
    await pool.end();
  });

  it('goes back to a pool the caller owns no longer listening, and is not opened again', async () => {
    const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 1 });
    const store = new PostgresStore({ pool, schema });
    store.onWake(() => {});
    await until(async () => (await listeners()).length === 1);
    await store.close();
    // The pool's one connection is the one that listened.
    const { rows } = await pool.query('SELECT count(*)::int AS channels FROM pg_listening_channels()');
    expect(rows).toEqual([{ channels: 0 }]);
    await new Promise((resolve) => setTimeout(resolve, RELISTEN_MS.first + 200));
    expect(await listeners()).toEqual([]);
    await pool.end();
  });

  it('hears nothing once closing, and leaves none of its listeners on the connection it gives back', async () => {
    const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 1 });
    const fresh = await pool.connect();
    const listenerCounts = (client: pg.PoolClient) =>
      ['notification', 'error', 'end'].map((event) => client.listenerCount(event));
    const before = listenerCounts(fresh);
    fresh.release();
    const store = new PostgresStore({ pool, schema });
    let wakes = 0;
    store.onWake(() => wakes++);
    await until(async () => (await listeners()).length === 1);
    // Sent on connections of their own, each written out before the close begins, so that they
    // reach the one that listens while it stops.
    const senders = Array.from({ length: 6 }, () => new pg.Client({ connectionString: TEST_POSTGRES_URL }));
    await Promise.all(senders.map((sender) => sender.connect()));
    const sent = Promise.all(
      senders.map((sender) => sender.query('SELECT pg_notify($1, $2)', [`${schema}_wake`, ''])),
    );
    await store.close();
    await sent;
    await Promise.all(senders.map((sender) => sender.end()));
    expect(wakes).toBe(0);
    const client = await pool.connect();
    expect(listenerCounts(client)).toEqual(before);
    client.release();
    await pool.end();
  });
});
