import { createDurableRuntime } from '../durable-runtime';
import type { CommitResult } from '../durable-store';
import { InMemoryDurableStore } from '../memory-durable-store';
import { afterCommits, BENCH_TASKS, benchChain, benchFunction } from './bench-chain';

/**
 * A store that keeps nothing: every commit succeeds at once and no name is taken. The benchmark's
 * workloads on it show what the engine's durable path costs before any database work.
 */
export class DiscardingStore extends InMemoryDurableStore {
  override commit(): Promise<CommitResult> {
    return Promise.resolve({ fenced: [] });
  }
  override getExecution(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
}

/**
 * Transitions per second of the engine alone on the bench chain, one execution at a time, each
 * task answering on the turn after the commit that follows its call (one transition a commit),
 * after as many executions again to warm it up; with the commits it made per transition.
 */
export async function engineOneTransitionPerSecond(
  executions: number,
): Promise<{ perSecond: number; commitsPerTransition: number }> {
  const store = new DiscardingStore();
  let commits = 0;
  const gate = afterCommits(store, () => commits++);
  const runtime = createDurableRuntime({ store, handlers: { [benchFunction]: gate.answer } });
  const runs = async (prefix: string) => {
    for (let i = 0; i < executions; i++) {
      await (await runtime.startExecution(benchChain, { name: `${prefix}-${i}` })).result();
    }
  };
  try {
    await runs('warm-up');
    commits = 0;
    const started = performance.now();
    await runs('run');
    const transitions = executions * BENCH_TASKS;
    return {
      perSecond: transitions / ((performance.now() - started) / 1000),
      commitsPerTransition: commits / transitions,
    };
  } finally {
    await runtime.close();
  }
}

/**
 * The most one transition per commit could give, as a ratio to the raw rate: a store whose commit
 * cost no more than the raw insert, with the engine's own time per transition on top, since the
 * next transition waits for the commit. `commitsPerTransition`: 1.1 for the bench chain (ten
 * Tasks, eleven commits).
 */
export function oneTransitionCeiling(
  raw: number,
  enginePerSecond: number,
  commitsPerTransition: number,
): number {
  return 1 / (raw / enginePerSecond + commitsPerTransition);
}
