import { createHook } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { Engine } from './engines/engine';
import type { Workload } from './workloads';

export interface Measurement {
  readonly transitionsPerSecond: number;
  readonly seconds: number;
  /** Highest heap use seen during the run, above the heap in use before it (bytes). */
  readonly peakHeapBytes: number;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * Collects garbage after one turn of the event loop. The 60 MB the anchor leaves after its Map
 * run stays reachable until the event loop turns, and a run settles only promises, so it never
 * turns by itself: without this, that heap survived `gc()` and halved the next engine's speed on
 * the Task chain.
 */
async function gc(): Promise<void> {
  if (!collectGarbage) throw new Error('run the benchmarks with node --expose-gc (pnpm bench does)');
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}

async function runChecked(engine: Engine, workload: Workload): Promise<number> {
  const prepared = engine.prepare(workload);
  const started = performance.now();
  const outputs = await prepared.run();
  const seconds = (performance.now() - started) / 1000;
  if (outputs.length !== workload.executions || !outputs.every(workload.check)) {
    throw new Error(`${engine.name} gave a wrong result on ${workload.name}`);
  }
  return seconds;
}

/**
 * Both engines settle promises without returning to the event loop for long
 * stretches, so a timer could not sample memory. Promise creation is the one
 * hook both hit constantly: every few thousand promises, read the heap.
 */
async function peakHeap(engine: Engine, workload: Workload): Promise<number> {
  await gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let promises = 0;
  const hook = createHook({
    init() {
      if (++promises % 2000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  hook.enable();
  try {
    await runChecked(engine, workload);
  } finally {
    hook.disable();
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return peak - baseline;
}

/**
 * A round lasts at least this long: a run of the Pass chain or the Choice loop takes 10 to 40 ms,
 * short enough that one garbage collection falling inside it or not moved a single-run round by
 * a third. A round repeats the run until this much time has passed and counts runs per second.
 */
const MIN_ROUND_SECONDS = 0.25;

async function round(engine: Engine, workload: Workload): Promise<number> {
  let seconds = 0;
  let runs = 0;
  while (seconds < MIN_ROUND_SECONDS) {
    seconds += await runChecked(engine, workload);
    runs++;
  }
  return seconds / runs;
}

/** Median throughput over `rounds` rounds, then one run for memory. */
export async function measure(engine: Engine, workload: Workload, rounds: number): Promise<Measurement> {
  await runChecked(engine, workload);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await gc();
    times.push(await round(engine, workload));
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return {
    seconds,
    transitionsPerSecond: workload.transitions / seconds,
    peakHeapBytes: await peakHeap(engine, workload),
  };
}
