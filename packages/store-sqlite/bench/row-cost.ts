// What the bytes of a commit cost on SQLite, beside the raw rate: commits of one row of a given
// size into a bare table, in synchronous=FULL and NORMAL, as ratios to the raw rate of the same
// round. Also the history the benchmark's workflow writes (bytes an event, a transition and a
// whole run of its ten Tasks), and what encoding a commit's events into rows and cloning them for
// the writer thread costs the engine's thread, on the commits of 200 executions at once.
// Run: pnpm --filter @stepwise/store-sqlite bench:rows (after pnpm build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime, encodeChunk, InMemoryDurableStore } from '@stepwise/runtime';
import {
  BENCH_TASKS,
  benchChain as chain,
  benchFunction as fn,
  median,
  nextTurn,
} from '@stepwise/runtime/store-contract';
import { encodeBatch } from '../src/encoded-batch';
import { recordCommits } from './bench-runs';
import { rawCommitsPerSecond, rowCommitsPerSecond } from './raw-commits';

/** Row sizes: a transition's chunk is about 600 bytes, a whole run's about 6,000. */
const SIZES = [150, 600, 1_500, 3_000, 6_000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The chunk text one run of the benchmark's workflow stores, measured on a real execution. */
async function historyOfOneRun() {
  const store = new InMemoryDurableStore();
  const runtime = createDurableRuntime({ store, handlers: { [fn]: nextTurn } });
  const run = await runtime.startExecution(chain, { name: 'measured' });
  await run.result();
  const events = await store.listEvents(run.executionArn);
  await runtime.close();
  const bytes = Buffer.byteLength(encodeChunk(events));
  return {
    events: events.length,
    bytes,
    bytesPerEvent: +(bytes / events.length).toFixed(1),
    bytesPerTransition: Math.round(bytes / BENCH_TASKS),
  };
}

/**
 * Microseconds an event for encoding commits into rows (`encodeBatch`), and with `clone` also for a
 * structured clone of the result: what posting it to the writer thread copies, and the thread
 * reads back. Each batch is measured once, on batches of a run of their own: the texts are built
 * as the engine builds them, and the first copy of them flattens them.
 */
async function encodingMicrosPerEvent(clone: boolean): Promise<number> {
  const batches = await recordCommits(new InMemoryDurableStore(), 200, 3000);
  let micros = 0;
  let events = 0;
  for (const batch of batches) {
    const started = performance.now();
    const encoded = encodeBatch(batch);
    if (clone) structuredClone(encoded);
    micros += (performance.now() - started) * 1000;
    events += batch.events.length;
  }
  return +(micros / events).toFixed(3);
}

const dir = mkdtempSync(join(tmpdir(), 'stepwise-rows-'));
try {
  const results: Record<string, unknown> = { rounds: ROUNDS, history: await historyOfOneRun() };
  const encode: number[] = [];
  const encodeAndClone: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    encode.push(await encodingMicrosPerEvent(false));
    encodeAndClone.push(await encodingMicrosPerEvent(true));
  }
  results.encodeMicrosPerEvent = encode;
  results.encodeAndCloneMicrosPerEvent = encodeAndClone;
  for (const mode of ['FULL', 'NORMAL'] as const) {
    const raws: number[] = [];
    const ratios = new Map<number, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const raw = rawCommitsPerSecond(join(dir, `raw-${mode}-${round}.db`), mode, 0.5);
      raws.push(raw);
      for (const size of SIZES) {
        const file = join(dir, `row-${size}-${mode}-${round}.db`);
        const rate = rowCommitsPerSecond(file, mode, 'x'.repeat(size), 0.5);
        ratios.set(size, [...(ratios.get(size) ?? []), rate / raw]);
      }
    }
    results[mode] = {
      rawCommitsPerSecond: Math.round(median(raws)),
      ratioToRawByRowBytes: Object.fromEntries(
        [...ratios].map(([size, list]) => [size, +median(list).toFixed(2)]),
      ),
    };
  }
  console.log(JSON.stringify(results, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
