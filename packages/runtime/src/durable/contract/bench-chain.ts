import type { CommitBatch, DurableStore } from '../durable-store';

/**
 * The durable stores' benchmark workload: a chain of ten Lambda Tasks whose handler (`nextTurn`)
 * answers on a later turn of the event loop, so every transition is its own commit unless other
 * executions moved in the same turn.
 */
export const BENCH_TASKS = 10;
export const benchFunction = 'arn:aws:lambda:us-east-1:123456789012:function:step';

const states: Record<string, object> = {};
for (let i = 0; i < BENCH_TASKS; i++) {
  states[`T${i}`] = {
    Type: 'Task',
    Resource: benchFunction,
    ...(i === BENCH_TASKS - 1 ? { End: true } : { Next: `T${i + 1}` }),
  };
}
export const benchChain = { StartAt: 'T0', States: states };

export const nextTurn = (): Promise<unknown> => new Promise((resolve) => setImmediate(resolve));

/**
 * Task answers that wait for `store`: `answer` (a handler) settles on the turn after the next
 * commit of `store` lands, so no two transitions share a commit. `onCommit` sees each batch as it
 * goes to the store (to count or keep the commits).
 */
export function afterCommits(store: DurableStore, onCommit: (batch: CommitBatch) => void = () => {}) {
  let waiting: (() => void)[] = [];
  const commit = store.commit.bind(store);
  store.commit = async (batch) => {
    onCommit(batch);
    const result = await commit(batch);
    const ready = waiting;
    waiting = [];
    if (ready.length > 0) {
      setImmediate(() => {
        for (const resolve of ready) resolve();
      });
    }
    return result;
  };
  return {
    answer: (): Promise<unknown> => new Promise((resolve) => waiting.push(() => resolve(null))),
  };
}

/** The median of some figures (the upper one of the middle two for an even count). */
export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

/** Ratios as the benchmarks report them: their median and their range, to two places. */
export function ratioSummary(ratios: readonly number[]) {
  return {
    ratioToRaw: +median(ratios).toFixed(2),
    ratioRange: [+Math.min(...ratios).toFixed(2), +Math.max(...ratios).toFixed(2)],
  };
}
