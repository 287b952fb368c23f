import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests use, from STEPWISE_TEST_POSTGRES_URL; undefined skips them. */
export const TEST_POSTGRES_URL = process.env.STEPWISE_TEST_POSTGRES_URL;

export const SKIP_REASON =
  'PostgreSQL tests skipped: set STEPWISE_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).';

/** A schema name no other test run uses, so test files can run side by side. */
export function uniqueSchema(label: string): string {
  return `stepwise_test_${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
