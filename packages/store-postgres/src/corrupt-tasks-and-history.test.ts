import { createDurableRuntime, StoreCorruptionError } from '@stepwise/runtime';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const FN2 = 'arn:aws:lambda:us-east-1:123456789012:function:other';
const two = {
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: FN, Next: 'U' }, U: { Type: 'Task', Resource: FN2, End: true } },
};
const arnOf = (name: string) => `arn:aws:states:us-east-1:123456789012:execution:StateMachine:${name}`;
if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);

async function sql(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(!TEST_POSTGRES_URL)('PostgreSQL: a damaged task or history beside good ones', () => {
  const schema = uniqueSchema('damaged');
  const stores: PostgresStore[] = [];
  const open = () => {
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await dropSchema(schema);
  });

  it('hands out the next activity task past one whose input is not JSON, whose own task fails', async () => {
    const runtime = createDurableRuntime({ store: open() });
    try {
      const activity = await runtime.createActivity({ name: 'pack' });
      const work = {
        StartAt: 'Pack',
        States: { Pack: { Type: 'Task', Resource: activity.activityArn, End: true } },
      };
      const older = await runtime.startExecution(work, { name: 'older', input: { n: 1 } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const newer = await runtime.startExecution(work, { name: 'newer', input: { n: 2 } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sql(
        `UPDATE ${schema}.task_tokens SET input = '{not json' WHERE execution_arn = '${older.executionArn}'`,
      );
      const task = await runtime.getActivityTask(activity.activityArn, { signal: AbortSignal.timeout(2000) });
      expect(task?.input).toEqual({ n: 2 });
      await runtime.sendTaskSuccess(task?.taskToken as string, { packed: 2 });
      expect(await newer.result()).toEqual({ status: 'SUCCEEDED', output: { packed: 2 } });
      expect(await older.result()).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    } finally {
      await runtime.close();
    }
  });

  it('refuses to redrive a history missing a chunk row as corruption, and leaves the row FAILED', async () => {
    const first = createDurableRuntime({
      store: open(),
      handlers: { [FN]: async () => 1, [FN2]: () => new Promise(() => {}) },
    });
    await first.startExecution(two, { name: 'b' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await first.close();
    await sql(`UPDATE ${schema}.executions SET owner = NULL, lease_expires = NULL WHERE name = 'b'`);
    const failing = createDurableRuntime({
      store: open(),
      handlers: {
        [FN]: async () => 1,
        [FN2]: () => {
          throw new Error('boom');
        },
      },
    });
    await failing.recover().catch(() => {});
    for (let i = 0; i < 100; i++) {
      if ((await failing.describeExecution(arnOf('b')))?.status === 'FAILED') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await failing.describeExecution(arnOf('b')))?.status).toBe('FAILED');
    await failing.close();
    const chunks = await sql(`SELECT first_id FROM ${schema}.event_chunks ORDER BY first_id`);
    expect(chunks.rows.length).toBeGreaterThan(1);
    await sql(`DELETE FROM ${schema}.event_chunks WHERE first_id = 1`);

    const runtime = createDurableRuntime({
      store: open(),
      handlers: { [FN]: async () => 1, [FN2]: async () => 2 },
    });
    try {
      const error = await runtime.redriveExecution(arnOf('b')).then(
        () => undefined,
        (e: unknown) => e,
      );
      const { rows } = await sql(`SELECT status, redrive_count FROM ${schema}.executions WHERE name = 'b'`);
      expect(rows[0]).toMatchObject({ status: 'FAILED', redrive_count: 0 });
      expect(error).toBeInstanceOf(StoreCorruptionError);
      expect(String(error)).toContain(`history of ${arnOf('b')}: events 1 to`);
    } finally {
      await runtime.close();
    }
  });
});
