import type pg from 'pg';

/**
 * Runs `work` on a connection taken from the pool. A connection the server ends while it is taken
 * (a restart, a terminated backend) fails the work's query; unheard, its 'error' event would end
 * the process. A broken connection is not given back to the pool, which opens another.
 */
export async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
