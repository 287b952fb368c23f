// Durable transitions per second on SQLite (synchronous FULL and NORMAL; one execution at a time
// and 200 at once, each with the writer thread and with `thread: false`; one at a time with a
// writer thread that sleeps between calls; one transition per commit), as ratios to the raw rate
// of the same disk doing one small insert per commit; the store alone committing one transition
// at a time (no engine); the same workloads on a store that keeps nothing (the engine alone), and
// from them the ceiling of one transition per commit; and the memory of 10,000 waiting executions,
// kept in memory and unloaded. Each workload also reports how much of the time the engine's thread
// was busy (its event loop's utilisation).
// Run: pnpm --filter @stepwise/store-sqlite bench (after pnpm build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime } from '@stepwise/runtime';
import {
  afterCommits,
  benchChain as chain,
  DiscardingStore,
  benchFunction as fn,
  median,
  nextTurn,
  oneTransitionCeiling,
  ratioSummary,
  storeCommitsPerSecond,
  BENCH_TASKS as TASKS,
} from '@stepwise/runtime/store-contract';
import { SqliteStore, type SqliteStoreOptions } from '@stepwise/store-sqlite';
import { rawCommitsPerSecond } from './raw-commits';

/**
 * Transitions per second in the steady state, as the raw rate (a second of commits) is measured:
 * as many executions again run first, on the same file, so the WAL has grown to the size it keeps
 * between checkpoints and the engine's code is optimised before the clock starts.
 */
async function transitionsPerSecond(
  file: string,
  synchronous: 'FULL' | 'NORMAL',
  concurrent: number,
  total: number,
  options: 'discard' | Pick<SqliteStoreOptions, 'thread' | 'spinMicros'> = {},
  answer: 'next turn' | 'after a commit' = 'next turn',
) {
  const store =
    options === 'discard'
      ? new DiscardingStore()
      : new SqliteStore({ filename: file, synchronous, ...options });
  // 'after a commit': each task answers on the turn after the next commit has landed, so no
  // transition is committed with another: one transition a commit.
  let commits = 0;
  const gate = afterCommits(store, () => commits++);
  const handler = answer === 'next turn' ? nextTurn : gate.answer;
  const runtime = createDurableRuntime({ store, handlers: { [fn]: handler } });
  let next = 0;
  const runs = async (prefix: string, count: number) => {
    next = 0;
    const lane = async () => {
      while (next < count) {
        const run = await runtime.startExecution(chain, { name: `${prefix}-${next++}` });
        await run.result();
      }
    };
    await Promise.all(Array.from({ length: concurrent }, lane));
  };
  await runs('warm-up', total);
  commits = 0;
  const started = performance.now();
  const loop = performance.eventLoopUtilization();
  await runs('run', total);
  const seconds = (performance.now() - started) / 1000;
  // The share of the time the engine's thread was busy rather than waiting (on a commit).
  const busy = performance.eventLoopUtilization(loop).utilization;
  await runtime.close();
  await store.close();
  // A transition: one state's step (its events from entry to exit).
  return {
    perSecond: (total * TASKS) / seconds,
    transitionsPerCommit: (total * TASKS) / commits,
    engineThreadBusy: busy,
  };
}

/**
 * The store alone committing one transition's events (as the engine writes them) one commit after
 * another: its own cost per commit beside the raw insert's, without the engine's work between.
 */
async function storeCommits(
  file: string,
  synchronous: 'FULL' | 'NORMAL',
  options: Pick<SqliteStoreOptions, 'thread'> = {},
) {
  const store = new SqliteStore({ filename: file, synchronous, ...options });
  const loop = performance.eventLoopUtilization();
  const perSecond = await storeCommitsPerSecond(store, 1);
  const busy = performance.eventLoopUtilization(loop).utilization;
  await store.close();
  return { perSecond, transitionsPerCommit: 1, engineThreadBusy: busy };
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

// The disk's fsync rate wanders by a third between runs on a shared machine: each round measures
// the raw rate right before its workloads, every figure is a ratio to its own round's raw rate, and
// the median of the rounds is reported.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
type Run = { perSecond: number; transitionsPerCommit: number; engineThreadBusy: number };
const WORKLOADS = {
  oneAtATime: (file: string, mode: 'FULL' | 'NORMAL') => transitionsPerSecond(file, mode, 1, 500),
  /** The same, with `thread: false`: the store runs on the engine's thread. */
  oneAtATimeInline: (file: string, mode: 'FULL' | 'NORMAL') =>
    transitionsPerSecond(file, mode, 1, 500, { thread: false }),
  /** The same, with a writer thread that sleeps as soon as it has answered (`spinMicros: 0`). */
  oneAtATimeSleepingThread: (file: string, mode: 'FULL' | 'NORMAL') =>
    transitionsPerSecond(file, mode, 1, 500, { spinMicros: 0 }),
  grouped200: (file: string, mode: 'FULL' | 'NORMAL') => transitionsPerSecond(file, mode, 200, 2000),
  grouped200Inline: (file: string, mode: 'FULL' | 'NORMAL') =>
    transitionsPerSecond(file, mode, 200, 2000, { thread: false }),
  /**
   * One execution at a time, each task answering only once the commit after its call has landed:
   * every transition is a commit of its own (and the execution's end one more).
   */
  oneTransitionPerCommit: (file: string, mode: 'FULL' | 'NORMAL') =>
    transitionsPerSecond(file, mode, 1, mode === 'FULL' ? 100 : 500, {}, 'after a commit'),
  oneTransitionPerCommitInline: (file: string, mode: 'FULL' | 'NORMAL') =>
    transitionsPerSecond(file, mode, 1, mode === 'FULL' ? 100 : 500, { thread: false }, 'after a commit'),
  /** The store alone, committing one transition at a time (no engine work between commits). */
  storeCommitsAlone: (file: string, mode: 'FULL' | 'NORMAL') => storeCommits(file, mode),
  storeCommitsAloneInline: (file: string, mode: 'FULL' | 'NORMAL') =>
    storeCommits(file, mode, { thread: false }),
  /** The engine alone: one at a time and 200 at once on a store that keeps nothing. */
  oneAtATimeNoStore: (file: string, mode: 'FULL' | 'NORMAL') =>
    transitionsPerSecond(file, mode, 1, 500, 'discard'),
  grouped200NoStore: (file: string, mode: 'FULL' | 'NORMAL') =>
    transitionsPerSecond(file, mode, 200, 2000, 'discard'),
  /** The engine alone, each task answering after the commit after its call (as above). */
  oneTransitionPerCommitNoStore: (file: string, mode: 'FULL' | 'NORMAL') =>
    transitionsPerSecond(file, mode, 1, 500, 'discard', 'after a commit'),
} as const;

const dir = mkdtempSync(join(tmpdir(), 'stepwise-bench-'));
try {
  const results: Record<string, unknown> = { rounds: ROUNDS };
  for (const mode of ['FULL', 'NORMAL'] as const) {
    const raws: number[] = [];
    const limits: number[] = [];
    const runs: Record<string, { run: Run; raw: number }[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const raw = rawCommitsPerSecond(join(dir, `raw-${mode}-${round}.db`), mode);
      raws.push(raw);
      const measured: Record<string, Run> = {};
      for (const [name, workload] of Object.entries(WORKLOADS)) {
        const run = await workload(join(dir, `${name}-${mode}-${round}.db`), mode);
        runs[name] = [...(runs[name] ?? []), { run, raw }];
        measured[name] = run;
      }
      const { oneTransitionPerCommit: store, oneTransitionPerCommitNoStore: engine } = measured;
      if (store && engine)
        limits.push(oneTransitionCeiling(raw, engine.perSecond, 1 / store.transitionsPerCommit));
    }
    const figures: Record<string, unknown> = { rawCommitsPerSecond: Math.round(median(raws)) };
    for (const [name, list] of Object.entries(runs)) {
      figures[name] = {
        transitionsPerSecond: Math.round(median(list.map(({ run }) => run.perSecond))),
        ...ratioSummary(list.map(({ run, raw }) => run.perSecond / raw)),
        transitionsPerCommit: +median(list.map(({ run }) => run.transitionsPerCommit)).toFixed(2),
        engineThreadBusy: +median(list.map(({ run }) => run.engineThreadBusy)).toFixed(2),
      };
    }
    figures.oneTransitionPerCommitCeiling = ratioSummary(limits);
    results[mode] = figures;
  }
  results.waiting10k = {
    kept: await waitingMemory(join(dir, 'kept.db'), 10_000, Number.POSITIVE_INFINITY),
    unloaded: await waitingMemory(join(dir, 'unloaded.db'), 10_000, 100),
  };
  console.log(JSON.stringify(results, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
