// Durable transitions per second on PostgreSQL (one runtime one execution at a time, and with one
// transition per commit; 1 worker claiming one at a time; 1, 4 and 8 workers), beside the raw rate
// of the same database doing one small insert per commit. Needs STEPWISE_TEST_POSTGRES_URL.
// Run: pnpm --filter @stepwise/store-postgres bench (after pnpm build).
import { randomUUID } from 'node:crypto';
import { createDurableRuntime } from '@stepwise/runtime';
import {
  afterCommits,
  benchChain as chain,
  benchFunction as fn,
  nextTurn,
  BENCH_TASKS as TASKS,
} from '@stepwise/runtime/store-contract';
import { PostgresStore } from '@stepwise/store-postgres';
import pg from 'pg';

const url = process.env.STEPWISE_TEST_POSTGRES_URL;
if (!url) {
  console.log('Set STEPWISE_TEST_POSTGRES_URL to run the PostgreSQL benchmark.');
  process.exit(0);
}

async function rawCommitsPerSecond(schema: string, seconds = 2): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE ${schema}.raw (id BIGSERIAL PRIMARY KEY, body TEXT)`);
  const until = performance.now() + seconds * 1000;
  let commits = 0;
  while (performance.now() < until) {
    await client.query(`INSERT INTO ${schema}.raw (body) VALUES ($1)`, ['{"small":true}']);
    commits++;
  }
  await client.end();
  return commits / seconds;
}

/**
 * One runtime running the executions it starts, one after another, counting its commits. With
 * `answer: 'after a commit'` each task answers on the turn after the next commit has landed, so
 * no transition is committed with another: one transition a commit.
 */
async function oneLocal(schema: string, total: number, answer: 'next turn' | 'after a commit' = 'next turn') {
  const store = new PostgresStore({ connectionString: url, schema });
  const gate = afterCommits();
  const handler = answer === 'next turn' ? nextTurn : gate.answer;
  const tag = answer === 'next turn' ? 'turn' : 'commit';
  const runtime = createDurableRuntime({
    store,
    owner: `bench-local-${tag}`,
    handlers: { [fn]: handler },
  });
  let commits = 0;
  const commit = store.commit.bind(store);
  store.commit = async (batch) => {
    commits++;
    const result = await commit(batch);
    gate.landed();
    return result;
  };
  await (await runtime.startExecution(chain, { name: `local-warm-up-${tag}` })).result();
  commits = 0;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    await (await runtime.startExecution(chain, { name: `local-${tag}-${i}` })).result();
  }
  const seconds = (performance.now() - started) / 1000;
  await runtime.close();
  await store.close();
  return { perSecond: (total * TASKS) / seconds, transitionsPerCommit: (total * TASKS) / commits };
}

/**
 * `workers` runtimes (each its own pool), `concurrency` executions each, `total` executions. The
 * time is taken from the executions' own stop times: a client polling each execution's result
 * would put a query per execution per poll on the same database and CPU as the workers it measures.
 */
async function transitionsPerSecond(schema: string, workers: number, concurrency: number, total: number) {
  const stores = Array.from({ length: workers }, () => new PostgresStore({ connectionString: url, schema }));
  const runtimes = stores.map((store, i) =>
    createDurableRuntime({ store, owner: `bench-${i}`, handlers: { [fn]: nextTurn } }),
  );
  const client = createDurableRuntime({ store: stores[0] as PostgresStore });
  const loops = runtimes.map((runtime) => runtime.startWorker({ concurrency, pollMs: 20 }));
  const prefix = `w${workers}c${concurrency}-`;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: total }, (_, i) =>
      client.startExecution(chain, { name: `${prefix}${i}`, enqueue: true }),
    ),
  );
  const ours = async () =>
    (await (stores[0] as PostgresStore).listExecutions()).filter((e) => e.name.startsWith(prefix));
  let ended = await ours();
  while (ended.some((e) => e.status === 'RUNNING')) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    ended = await ours();
  }
  if (ended.length !== total || ended.some((e) => e.status !== 'SUCCEEDED')) {
    throw new Error(`${prefix}: not every execution succeeded`);
  }
  const last = Math.max(...ended.map((e) => e.stopTime ?? Number.NaN));
  const seconds = (last - started) / 1000;
  await Promise.all(loops.map((loop) => loop.stop()));
  await Promise.all(runtimes.map((runtime) => runtime.close()));
  await client.close();
  await Promise.all(stores.map((store) => store.close()));
  return (total * TASKS) / seconds;
}

const schema = `stepwise_bench_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
try {
  const setup = new PostgresStore({ connectionString: url, schema });
  await setup.init();
  await setup.close();
  const raw = await rawCommitsPerSecond(schema);
  const results: Record<string, unknown> = { rawCommitsPerSecond: Math.round(raw) };
  const single = await transitionsPerSecond(schema, 1, 1, 100);
  results.oneAtATime = { transitionsPerSecond: Math.round(single), ratioToRaw: +(single / raw).toFixed(2) };
  const local = await oneLocal(schema, 100);
  results.oneAtATimeInOneRuntime = {
    transitionsPerSecond: Math.round(local.perSecond),
    ratioToRaw: +(local.perSecond / raw).toFixed(2),
    transitionsPerCommit: +local.transitionsPerCommit.toFixed(2),
  };
  const perCommit = await oneLocal(schema, 50, 'after a commit');
  results.oneTransitionPerCommit = {
    transitionsPerSecond: Math.round(perCommit.perSecond),
    ratioToRaw: +(perCommit.perSecond / raw).toFixed(2),
    transitionsPerCommit: +perCommit.transitionsPerCommit.toFixed(2),
  };
  for (const workers of [1, 4, 8]) {
    const rate = await transitionsPerSecond(schema, workers, 50, 1000);
    results[`workers${workers}`] = {
      transitionsPerSecond: Math.round(rate),
      ratioToRaw: +(rate / raw).toFixed(2),
    };
  }
  console.log(JSON.stringify(results, null, 2));
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
