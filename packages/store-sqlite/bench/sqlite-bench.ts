// Durable transitions per second on SQLite (synchronous FULL and NORMAL), beside the raw rate of
// the same file doing one small insert per commit, and the memory of 10,000 waiting executions,
// kept in memory and unloaded. Run: pnpm --filter @stepwise/store-sqlite bench (after pnpm build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime } from '@stepwise/runtime';
import { SqliteStore } from '@stepwise/store-sqlite';
import Database from 'better-sqlite3';

const TASKS = 10;
const fn = 'arn:aws:lambda:us-east-1:123456789012:function:step';
const states: Record<string, object> = {};
for (let i = 0; i < TASKS; i++) {
  states[`T${i}`] = {
    Type: 'Task',
    Resource: fn,
    ...(i === TASKS - 1 ? { End: true } : { Next: `T${i + 1}` }),
  };
}
const chain = { StartAt: 'T0', States: states };
// Each task answers on a later turn of the event loop, so every transition is its own commit
// unless other executions moved in the same turn.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function rawCommitsPerSecond(file: string, synchronous: string, seconds = 2): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE IF NOT EXISTS raw (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = db.prepare('INSERT INTO raw (body) VALUES (?)');
  const one = db.transaction(() => insert.run('{"small":true}'));
  const until = performance.now() + seconds * 1000;
  let commits = 0;
  while (performance.now() < until) {
    one();
    commits++;
  }
  db.close();
  return commits / seconds;
}

async function transitionsPerSecond(
  file: string,
  synchronous: 'FULL' | 'NORMAL',
  concurrent: number,
  total: number,
) {
  const store = new SqliteStore({ filename: file, synchronous });
  const runtime = createDurableRuntime({ store, handlers: { [fn]: nextTurn } });
  let commits = 0;
  const commit = store.commit.bind(store);
  store.commit = (batch) => {
    commits++;
    return commit(batch);
  };
  await runtime.startExecution(chain, { name: 'warm-up' }).then((e) => e.result());
  commits = 0;
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const run = await runtime.startExecution(chain, { name: `run-${next++}` });
      await run.result();
    }
  };
  await Promise.all(Array.from({ length: concurrent }, lane));
  const seconds = (performance.now() - started) / 1000;
  await runtime.close();
  await store.close();
  // A transition: one state's step (its events from entry to exit).
  return { perSecond: (total * TASKS) / seconds, transitionsPerCommit: (total * TASKS) / commits };
}

/** Heap held by `count` executions in a one-hour Wait, once they are all started (and unloaded). */
async function waitingMemory(file: string, count: number, unloadAfterMs: number) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const store = new SqliteStore({ filename: file });
  const runtime = createDurableRuntime({ store, unloadAfterMs });
  const nap = { StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 3600, End: true } } };
  await store.init();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, (_, j) =>
        runtime.startExecution(nap, { name: `nap-${i + j}` }),
      ),
    );
  }
  if (Number.isFinite(unloadAfterMs)) {
    while (runtime.running > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const inMemory = runtime.running;
  await runtime.close();
  await store.close();
  return {
    executionsInMemory: inMemory,
    megabytes: +((after - before) / 2 ** 20).toFixed(1),
    bytesEach: Math.round((after - before) / count),
    measuredAfterGc: gc !== undefined,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'stepwise-bench-'));
try {
  const results: Record<string, unknown> = {};
  for (const mode of ['FULL', 'NORMAL'] as const) {
    // The disk's fsync rate wanders; the raw rate is measured before and after, and averaged.
    const rawBefore = rawCommitsPerSecond(join(dir, `raw-${mode}.db`), mode);
    const single = await transitionsPerSecond(join(dir, `one-${mode}.db`), mode, 1, 200);
    const grouped = await transitionsPerSecond(join(dir, `many-${mode}.db`), mode, 200, 2000);
    const raw = (rawBefore + rawCommitsPerSecond(join(dir, `raw-${mode}.db`), mode)) / 2;
    results[mode] = {
      rawCommitsPerSecond: Math.round(raw),
      oneAtATime: {
        transitionsPerSecond: Math.round(single.perSecond),
        ratioToRaw: +(single.perSecond / raw).toFixed(2),
        transitionsPerCommit: +single.transitionsPerCommit.toFixed(2),
      },
      grouped200: {
        transitionsPerSecond: Math.round(grouped.perSecond),
        ratioToRaw: +(grouped.perSecond / raw).toFixed(2),
        transitionsPerCommit: +grouped.transitionsPerCommit.toFixed(1),
      },
    };
  }
  results.waiting10k = {
    kept: await waitingMemory(join(dir, 'kept.db'), 10_000, Number.POSITIVE_INFINITY),
    unloaded: await waitingMemory(join(dir, 'unloaded.db'), 10_000, 100),
  };
  console.log(JSON.stringify(results, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
