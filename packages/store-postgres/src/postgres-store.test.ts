import {
  createDurableRuntime,
  executionValues,
  SchemaVersionMismatchError,
  StoreCorruptionError,
} from '@stepwise/runtime';
import {
  batch,
  describeStoreContract,
  eventRow,
  executionRow,
  settledRow,
} from '@stepwise/runtime/store-contract';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { MIGRATIONS } from './schema';
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

    /**
     * The commit of `arn`'s first event by the worker holding it, made while another connection
     * has `change` in a transaction still open, which commits 200 ms later.
     */
    async function commitDuring(arn: string, change: (client: pg.PoolClient) => Promise<unknown>) {
      const other = await store.pool.connect();
      try {
        await other.query('BEGIN');
        await change(other);
        const late = store.commit(
          batch({ owner: 'worker', events: [eventRow(arn, 1, 'ExecutionStarted', {})] }),
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        await other.query('COMMIT');
        return await late;
      } finally {
        other.release();
      }
    }

    it('fences a commit that waited for the lock of a lease being taken by another runtime', async () => {
      const row = executionRow('contended', { owner: 'worker', leaseExpires: Date.now() + 60_000 });
      await store.commit(batch({ executions: [row] }));
      const late = await commitDuring(row.executionArn, (other) =>
        other.query(`UPDATE ${store.schema}.executions SET owner = 'stopper' WHERE arn = $1`, [
          row.executionArn,
        ]),
      );
      expect(late.fenced).toEqual([row.executionArn]);
      expect(await store.listEvents(row.executionArn)).toEqual([]);
    });

    it('fences a commit whose execution was deleted and started again while it waited for the lock', async () => {
      const row = executionRow('reborn', { owner: 'worker', leaseExpires: Date.now() + 60_000 });
      await store.commit(batch({ executions: [row] }));
      // Removed by hand (a retention job, say) and started again by another runtime: the row the
      // commit waits for is gone, and the new one is not the one it locked.
      const late = await commitDuring(row.executionArn, async (other) => {
        await other.query(`DELETE FROM ${store.schema}.executions WHERE arn = $1`, [row.executionArn]);
        await other.query(
          `INSERT INTO ${store.schema}.executions (arn, name, machine_arn, definition_id, input, start_time,
             status, redrive_count, owner) VALUES ($1, 'reborn', 'arn:m', 'def-1', '{}', 0, 'RUNNING', 0, 'stranger')`,
          [row.executionArn],
        );
      });
      expect(late.fenced).toEqual([row.executionArn]);
      expect(await store.listEvents(row.executionArn)).toEqual([]);
    });

    it('runs on a worker under the same owner name what a run that is gone left leased to it', async () => {
      const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Result: 'done', End: true } } };
      await store.putDefinition('def-pass', JSON.stringify(definition));
      // 'pod-0' claimed it, then died: the lease ran out and the pod came back under its name.
      const row = executionRow('left', {
        definitionId: 'def-pass',
        owner: 'pod-0',
        leaseExpires: Date.now() - 1,
      });
      await store.commit(batch({ executions: [row] }));
      const runtime = createDurableRuntime({ store, owner: 'pod-0', leaseMs: 1000 });
      const worker = runtime.startWorker({ concurrency: 1, pollMs: 20 });
      const ended = await settledRow(() => store.getExecution(row.executionArn));
      expect([ended?.status, ended?.output]).toEqual(['SUCCEEDED', '"done"']);
      await worker.stop();
      await runtime.close();
    });

    it("gives back at once the lease of an execution whose resume failed on a worker's claim", async () => {
      class FailingOnce extends PostgresStore {
        failures = 1;
        override async getDefinition(definitionId: string): Promise<string | undefined> {
          if (this.failures-- > 0) throw new Error('Connection terminated unexpectedly');
          return super.getDefinition(definitionId);
        }
      }
      const flaky = new FailingOnce({ connectionString: TEST_POSTGRES_URL, schema: store.schema });
      const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Result: 'done', End: true } } };
      await flaky.putDefinition('def-pass', JSON.stringify(definition));
      await store.commit(batch({ executions: [executionRow('queued', { definitionId: 'def-pass' })] }));
      // A minute's lease: waiting for it to run out would fail the test.
      const runtime = createDurableRuntime({ store: flaky, leaseMs: 60_000 });
      const worker = runtime.startWorker({ concurrency: 1, pollMs: 20 });
      const arn = executionRow('queued').executionArn;
      const ended = await settledRow(() => store.getExecution(arn));
      expect([flaky.failures, ended?.status]).toEqual([-1, 'SUCCEEDED']);
      await worker.stop();
      await runtime.close();
      await flaky.close();
    });

    it('works once the database can be reached, for a runtime and a worker started while it could not', async () => {
      let down = true;
      const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 4 });
      const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | undefined;
      // Refused while `down`, as by a database still starting or failing over.
      pool.connect = ((callback?: (error: Error) => void) => {
        if (!down) return connect(callback);
        const refused = new Error('connect ECONNREFUSED 127.0.0.1:5432');
        if (!callback) return Promise.reject(refused);
        callback(refused);
      }) as typeof pool.connect;
      const unreachable = new PostgresStore({ pool, schema: store.schema });
      const runtime = createDurableRuntime({ store: unreachable });
      const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Result: 'done', End: true } } };
      await expect(runtime.startExecution(definition)).rejects.toThrow(/ECONNREFUSED/);
      const worker = runtime.startWorker({ concurrency: 1, pollMs: 20 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      down = false;
      const started = await runtime.startExecution(definition);
      expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
      await worker.stop();
      await runtime.close();
      await unreachable.close();
      await pool.end();
    });

    describe('a task signal and an unload at the same moment', () => {
      const far = Date.now() + 365 * 24 * 3600 * 1000;
      /**
       * A running execution leased to 'w1', waiting on a task with token `<name>.tok`: a callback,
       * or with `activityArn` an activity task no worker has taken yet.
       */
      async function waiting(name: string, activityArn?: string): Promise<string> {
        const row = executionRow(name, { owner: 'w1', leaseExpires: Date.now() + 60_000 });
        const token = { token: `${name}.tok`, executionArn: row.executionArn, scheduledAt: 1 };
        await store.commit(
          batch({
            executions: [row],
            tokensOpened: [{ ...token, activityArn, input: activityArn === undefined ? undefined : '{}' }],
            owner: 'w1',
          }),
        );
        return row.executionArn;
      }

      /** Stores an answer to `<name>.tok` in a transaction held open while `meanwhile` runs. */
      async function answerUncommitted(
        name: string,
        arn: string,
        meanwhile: (commit: () => Promise<unknown>) => Promise<void>,
      ): Promise<void> {
        const answerer = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await answerer.connect();
        try {
          await answerer.query('BEGIN');
          await answerer.query(
            `SELECT ${store.schema}.signal_task($1, $2, 'SUCCESS', '"ok"', NULL, NULL, NULL)`,
            [`${name}.tok`, arn],
          );
          await meanwhile(() => answerer.query('COMMIT'));
        } finally {
          await answerer.end();
        }
      }

      it('do not unload an execution whose answer is being stored: the unload waits for it and refuses', async () => {
        const arn = await waiting('held');
        await answerUncommitted('held', arn, async (commit) => {
          const unload = store.unload('w1', arn, far, []);
          const first = await Promise.race([
            unload,
            new Promise((resolve) => setTimeout(resolve, 300, 'waiting')),
          ]);
          expect(first).toBe('waiting');
          await commit();
          expect(await unload).toBe(false);
        });
        expect((await store.getExecution(arn))?.owner).toBe('w1');
      });

      it('wake an execution whose activity task a worker takes while it unloads', async () => {
        const activityArn = 'arn:aws:states:us-east-1:123456789012:activity:review';
        const arn = await waiting('picked', activityArn);
        const unloader = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await unloader.connect();
        try {
          // An unload that holds the row and has not committed yet.
          await unloader.query('BEGIN');
          await unloader.query(`SELECT 1 FROM ${store.schema}.executions WHERE arn = $1 FOR UPDATE`, [arn]);
          await unloader.query(
            `UPDATE ${store.schema}.executions SET owner = NULL, lease_expires = NULL, wake_at = $2 WHERE arn = $1`,
            [arn, far],
          );
          const take = store.takeActivityTask(activityArn, 'reviewer');
          await new Promise((resolve) => setTimeout(resolve, 200));
          await unloader.query('COMMIT');
          expect((await take)?.token).toBe('picked.tok');
        } finally {
          await unloader.end();
        }
        expect(await store.nextWake()).toBe(0);
      });

      it('do not unload an answered execution on a database whose default isolation is repeatable read', async () => {
        const strict = new PostgresStore({
          pool: new pg.Pool({
            connectionString: TEST_POSTGRES_URL,
            options: '-c default_transaction_isolation=repeatable\\ read',
          }),
          schema: store.schema,
        });
        const arn = await waiting('strict');
        try {
          await answerUncommitted('strict', arn, async (commit) => {
            const unload = strict.unload('w1', arn, far, []);
            await new Promise((resolve) => setTimeout(resolve, 200));
            await commit();
            expect(await unload).toBe(false);
          });
        } finally {
          await strict.close();
          await strict.pool.end();
        }
      });

      it('give a taken activity task to its worker even if waking the execution fails', async () => {
        const activityArn = 'arn:aws:states:us-east-1:123456789012:activity:flaky';
        await waiting('flaky', activityArn);
        const query = store.pool.query.bind(store.pool) as (
          text: string,
          values?: unknown[],
        ) => Promise<unknown>;
        // The connection drops right after the pick-up is committed.
        store.pool.query = ((text: string, values?: unknown[]) =>
          text.includes('FOR KEY SHARE')
            ? Promise.reject(new Error('Connection terminated unexpectedly'))
            : query(text, values)) as typeof store.pool.query;
        try {
          expect((await store.takeActivityTask(activityArn, 'worker-a'))?.token).toBe('flaky.tok');
        } finally {
          store.pool.query = query as typeof store.pool.query;
        }
      });

      it('leave no answered execution asleep: each is either kept or woken at once', async () => {
        const arns = await Promise.all(Array.from({ length: 200 }, (_, i) => waiting(`race-${i}`)));
        await Promise.all(
          arns.map((arn, i) =>
            Promise.all([
              store.answerTask(`race-${i}.tok`, arn, { kind: 'SUCCESS', output: '"ok"' }),
              store.unload('w1', arn, far, []),
            ]),
          ),
        );
        const { rows } = await store.pool.query(
          `SELECT count(*)::int AS asleep FROM ${store.schema}.executions WHERE arn = ANY($1) AND wake_at = $2`,
          [arns, far],
        );
        expect(rows).toEqual([{ asleep: 0 }]);
      });
    });

    it("hands over each claimed execution's history with the claim, an empty one included", async () => {
      const ran = executionRow('ran');
      const queued = executionRow('queued');
      const arn = ran.executionArn;
      await store.commit(
        batch({ executions: [ran, queued], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }),
      );
      await store.commit(batch({ events: [eventRow(arn, 2, 'PassStateEntered', { name: 'P' })] }));
      const claimed = await store.claim({ owner: 'worker', limit: 2, leaseMs: 60_000, now: Date.now() });
      const history = new Map(
        claimed.map((row) => [row.executionArn, 'history' in row ? row.history : 'none']),
      );
      expect(history.get(arn)).toEqual(await store.listEvents(arn));
      expect(history.get(arn)).toHaveLength(2);
      expect(history.get(queued.executionArn)).toEqual([]);
    });

    it('leaves a history it cannot read to listEvents, which names what is wrong', async () => {
      const row = executionRow('damaged');
      const arn = row.executionArn;
      await store.commit(batch({ executions: [row], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }));
      await store.pool.query(
        `UPDATE ${store.schema}.event_chunks SET events = 'not json' WHERE execution_arn = $1`,
        [arn],
      );
      const [claimed] = await store.claim({ owner: 'worker', limit: 1, leaseMs: 60_000, now: Date.now() });
      expect(claimed?.executionArn).toBe(arn);
      expect(claimed && 'history' in claimed).toBe(false);
      await expect(store.listEvents(arn)).rejects.toThrow(StoreCorruptionError);
    });

    it('leaves a history longer than 8 MB to listEvents, which reads it chunk by chunk', async () => {
      const row = executionRow('long');
      const arn = row.executionArn;
      await store.commit(batch({ executions: [row], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }));
      await store.pool.query(
        `UPDATE ${store.schema}.event_chunks SET events = '[[1,0,"ExecutionStarted",1,":1",{"pad":"' || repeat('x', 8400000) || '"}]]'
         WHERE execution_arn = $1`,
        [arn],
      );
      const [claimed] = await store.claim({ owner: 'worker', limit: 1, leaseMs: 60_000, now: Date.now() });
      expect(claimed?.executionArn).toBe(arn);
      expect(claimed && 'history' in claimed).toBe(false);
      expect(await store.listEvents(arn)).toHaveLength(1);
    });

    it('hands over no history under a stricter isolation level, whose snapshot may predate the claim', async () => {
      const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 1 });
      pool.on('connect', (client) => {
        void client.query("SET default_transaction_isolation = 'repeatable read'");
      });
      const strict = new PostgresStore({ pool, schema: store.schema });
      try {
        const row = executionRow('strict');
        await strict.commit(batch({ executions: [row] }));
        const [claimed] = await strict.claim({ owner: 'worker', limit: 1, leaseMs: 60_000, now: Date.now() });
        expect(claimed?.executionArn).toBe(row.executionArn);
        expect(claimed && 'history' in claimed).toBe(false);
      } finally {
        await strict.close();
        await pool.end();
      }
    });

    it('leaves later commits on the connection that claimed waiting for their flush', async () => {
      // A pool of one connection, so the claim's connection is the one asked afterwards.
      const single = new PostgresStore({
        pool: new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 1 }),
        schema: store.schema,
      });
      try {
        const setting = async () =>
          (await single.pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]
            ?.synchronous_commit;
        const before = await setting();
        expect(before).not.toBe('off');
        const row = executionRow('claimed');
        await single.commit(batch({ executions: [row] }));
        const claimed = await single.claim({ owner: 'worker', limit: 1, leaseMs: 60_000, now: Date.now() });
        expect(claimed.map((c) => c.executionArn)).toEqual([row.executionArn]);
        // The one pooled connection that made the claim is back at the database's setting.
        expect(await setting()).toBe(before);
      } finally {
        await single.close();
        await single.pool.end();
      }
    });

    it("keeps a handler's error text exactly, a lone surrogate included", async () => {
      const fn = 'arn:aws:lambda:us-east-1:123456789012:function:odd';
      const cause = 'half an emoji \ud83d, a tab\t and "quotes"';
      const runtime = createDurableRuntime({
        store,
        handlers: {
          [fn]: () => {
            throw new RangeError(cause);
          },
        },
      });
      try {
        const task = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn, End: true } } };
        const run = await runtime.startExecution(task);
        expect(await run.result()).toMatchObject({ status: 'FAILED', error: 'RangeError' });
        const failed = (await store.listEvents(run.executionArn)).find(
          (e) => e.type === 'LambdaFunctionFailed',
        );
        expect(JSON.parse(failed?.details ?? '{}')).toMatchObject({ error: 'RangeError', cause });
      } finally {
        await runtime.close();
      }
    });

    it('reports unparsable details as corruption, and refuses to hold an unknown status', async () => {
      const row = executionRow('corrupt');
      await store.commit(
        batch({ executions: [row], events: [eventRow(row.executionArn, 1, 'ExecutionStarted', {})] }),
      );
      await store.pool.query(
        `UPDATE ${store.schema}.event_chunks SET events = '[[1,0,"ExecutionStarted",1,":1",{oops'`,
      );
      await expect(createDurableRuntime({ store }).getExecutionHistory(row.executionArn)).rejects.toThrow(
        StoreCorruptionError,
      );
      await expect(
        store.pool.query(`UPDATE ${store.schema}.executions SET status = 'MAYBE'`),
      ).rejects.toThrow(/executions_status_known/);
      await expect(store.getExecution(row.executionArn)).resolves.toMatchObject({ status: 'RUNNING' });
    });

    it('migrates a schema written by the first version: executions and events read back unchanged', async () => {
      const schema = uniqueSchema('v1');
      const row = executionRow('old');
      const events = [
        eventRow(row.executionArn, 1, 'ExecutionStarted', { input: '{"n":1}' }),
        { ...eventRow(row.executionArn, 2, 'PassStateEntered'), details: undefined },
      ];
      const client = await store.pool.connect();
      try {
        await client.query(`CREATE SCHEMA ${schema}`);
        await client.query(
          `CREATE TABLE ${schema}.stepwise_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`,
        );
        await client.query((MIGRATIONS[0] as string).replaceAll('{s}', schema));
        await client.query(`INSERT INTO ${schema}.stepwise_migrations VALUES (1, 0)`);
        await client.query(
          `INSERT INTO ${schema}.executions VALUES (${executionValues(row).map((_, i) => `$${i + 1}`)})`,
          executionValues(row),
        );
        for (const e of events) {
          await client.query(`INSERT INTO ${schema}.events VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
            ...[e.executionArn, e.id, e.previousEventId, e.type, e.time, e.position, e.details ?? null],
          ]);
        }
      } finally {
        client.release();
      }
      const migrated = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
      try {
        await migrated.init();
        expect(await migrated.getExecution(row.executionArn)).toEqual(row);
        expect(await migrated.listEvents(row.executionArn)).toEqual(events);
      } finally {
        await migrated.close();
        await dropSchema(schema);
      }
    });

    it('migrates once when many stores start together, and refuses a newer schema', async () => {
      const others = Array.from(
        { length: 4 },
        () => new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema: store.schema }),
      );
      await Promise.all(others.map((other) => other.init()));
      const { rows } = await store.pool.query(`SELECT version FROM ${store.schema}.stepwise_migrations`);
      expect(rows).toHaveLength(MIGRATIONS.length);
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
