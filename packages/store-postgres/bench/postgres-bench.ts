// Durable transitions per second on PostgreSQL (one runtime one execution at a time, and with one
// transition per commit; 1 worker claiming one at a time; 1, 4 and 8 workers), and the store alone
// committing one transition at a time (no engine), beside the raw rate of the same database doing
// one small insert per commit; with the engine's own time, the ceiling of one transition per
// commit. Needs STEPWISE_TEST_POSTGRES_URL.
// Run: pnpm --filter @stepwise/store-postgres bench (after pnpm build).
import { randomUUID } from 'node:crypto';
import { createDurableRuntime } from '@stepwise/runtime';
import {
  afterCommits,
  benchChain as chain,
  engineOneTransitionPerSecond,
  benchFunction as fn,
  median,
  nextTurn,
  oneTransitionCeiling,
  ratioSummary,
  storeCommitsPerSecond,
  BENCH_TASKS as TASKS,
} from '@stepwise/runtime/store-contract';
import { PostgresStore } from '@stepwise/store-postgres';
import pg from 'pg';

const url = process.env.STEPWISE_TEST_POSTGRES_URL;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
if (!url) {
  console.log('Set STEPWISE_TEST_POSTGRES_URL to run the PostgreSQL benchmark.');
  process.exit(0);
}

async function rawCommitsPerSecond(schema: string, seconds: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.raw (id BIGSERIAL PRIMARY KEY, body TEXT)`);
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
async function oneLocal(
  schema: string,
  total: number,
  answer: 'next turn' | 'after a commit' = 'next turn',
  round = 0,
) {
  const store = new PostgresStore({ connectionString: url, schema });
  let commits = 0;
  const gate = afterCommits(store, () => commits++);
  const handler = answer === 'next turn' ? nextTurn : gate.answer;
  const tag = `${answer === 'next turn' ? 'turn' : 'commit'}-${round}`;
  const runtime = createDurableRuntime({
    store,
    owner: `bench-local-${tag}`,
    handlers: { [fn]: handler },
  });
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
  // The disk's flush rate wanders between runs on a shared machine: the raw rate is measured again
  // right before each workload, each figure is a ratio to that, and the workloads of one
  // transition per commit are run ROUNDS times, reporting the median.
  const raws: number[] = [];
  const beside = async (run: () => Promise<number>) => {
    const raw = await rawCommitsPerSecond(schema, 1);
    raws.push(raw);
    const rate = await run();
    return { rate, ratio: rate / raw };
  };
  const figure = (runs: { rate: number; ratio: number }[], extra: Record<string, number> = {}) => ({
    perSecond: Math.round(median(runs.map((r) => r.rate))),
    ...ratioSummary(runs.map((r) => r.ratio)),
    ...extra,
  });
  const results: Record<string, unknown> = {};
  results.oneAtATime = figure([await beside(() => transitionsPerSecond(schema, 1, 1, 100))]);
  let perCommit = 0;
  results.oneAtATimeInOneRuntime = figure(
    [
      await beside(async () => {
        const local = await oneLocal(schema, 100);
        perCommit = local.transitionsPerCommit;
        return local.perSecond;
      }),
    ],
    { transitionsPerCommit: +perCommit.toFixed(2) },
  );
  const alone: { rate: number; ratio: number }[] = [];
  const oneEach: { rate: number; ratio: number }[] = [];
  const limits: number[] = [];
  let oneEachPerCommit = 0;
  for (let round = 0; round < ROUNDS; round++) {
    alone.push(
      await beside(async () => {
        const store = new PostgresStore({ connectionString: url, schema });
        try {
          return await storeCommitsPerSecond(store, 1);
        } finally {
          await store.close();
        }
      }),
    );
    const measured = await beside(async () => {
      const local = await oneLocal(schema, 50, 'after a commit', round);
      oneEachPerCommit = local.transitionsPerCommit;
      return local.perSecond;
    });
    oneEach.push(measured);
    // The engine alone, measured beside the same raw rate, gives the ceiling of that workload.
    const engine = await engineOneTransitionPerSecond(200);
    limits.push(
      oneTransitionCeiling(measured.rate / measured.ratio, engine.perSecond, engine.commitsPerTransition),
    );
  }
  results.storeCommitsAlone = figure(alone);
  results.oneTransitionPerCommit = figure(oneEach, { transitionsPerCommit: +oneEachPerCommit.toFixed(2) });
  results.oneTransitionPerCommitCeiling = ratioSummary(limits);
  for (const workers of [1, 4, 8]) {
    results[`workers${workers}`] = figure([
      await beside(() => transitionsPerSecond(schema, workers, 50, 1000)),
    ]);
  }
  results.rawCommitsPerSecond = {
    median: Math.round(median(raws)),
    range: [Math.round(Math.min(...raws)), Math.round(Math.max(...raws))],
  };
  console.log(JSON.stringify(results, null, 2));
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
