import { SchemaVersionMismatchError, StoreCorruptionError } from '@stepwise/runtime';
import type pg from 'pg';
import { PostgresStoreOptionError } from './errors';
import { KNOWN_STATUSES, MIGRATIONS } from './schema';

/**
 * Creates the schema and applies the migrations it lacks, in one transaction under an advisory
 * lock, so workers starting together migrate once.
 */
export async function migrate(client: pg.PoolClient, schema: string): Promise<void> {
  // Read committed whatever the database's default: each statement then sees what the worker that
  // held the lock before committed. Under repeatable read the snapshot would predate the lock.
  await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`stepwise:${schema}`]);
    const { rows: names } = await client.query<{ quoted: string; present: boolean }>(
      'SELECT quote_ident($1) AS quoted, EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS present',
      [schema],
    );
    // A keyword (order, user...) would need quoting in every statement.
    if (names[0]?.quoted !== schema) {
      throw new PostgresStoreOptionError('schema', schema, 'a name that is not an SQL keyword');
    }
    // Only when missing: creating one needs a privilege that a role using an existing schema may lack.
    if (!names[0]?.present) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.stepwise_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`,
    );
    const { rows } = await client.query<{ current: number }>(
      `SELECT COALESCE(MAX(version), 0)::int AS current FROM ${schema}.stepwise_migrations`,
    );
    const current = rows[0]?.current ?? 0;
    if (current > MIGRATIONS.length) throw new SchemaVersionMismatchError(current, MIGRATIONS.length);
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      // A savepoint keeps the transaction readable after a failed migration, to name what broke it.
      await client.query('SAVEPOINT migration');
      await client
        .query((MIGRATIONS[version - 1] as string).replaceAll('{s}', schema))
        .catch((error: unknown) => damaged(client, schema, error));
      await client.query(`INSERT INTO ${schema}.stepwise_migrations (version, applied_at) VALUES ($1, $2)`, [
        version,
        Date.now(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * A migration that adds a constraint fails on rows written before it that break it (a status the
 * runtime never writes): that is damage in the store, said as such and naming the executions, not
 * a failed migration.
 */
async function damaged(client: pg.PoolClient, schema: string, error: unknown): Promise<never> {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (code !== '23514') throw error;
  if (constraint !== 'executions_status_known') {
    throw new StoreCorruptionError('executions table', `a row breaks ${constraint ?? 'a constraint'}`);
  }
  await client.query('ROLLBACK TO SAVEPOINT migration');
  const { rows } = await client.query<{ arn: string; status: string }>(
    `SELECT arn, status FROM ${schema}.executions
     WHERE status NOT IN (${KNOWN_STATUSES})
     ORDER BY arn LIMIT 6`,
  );
  const named = rows.slice(0, 5).map((row) => `${row.arn} (${JSON.stringify(row.status)})`);
  if (rows.length > 5) named.push('and more');
  throw new StoreCorruptionError(
    'executions table',
    `executions with a status the runtime never writes, so no claim would take them: ${named.join(', ')}; fix or remove them, then start again`,
  );
}
