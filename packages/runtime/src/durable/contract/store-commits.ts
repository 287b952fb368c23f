import { randomUUID } from 'node:crypto';
import { createDurableRuntime } from '../durable-runtime';
import type { CommitBatch, DurableStore, StoredEvent } from '../durable-store';
import { InMemoryDurableStore } from '../memory-durable-store';
import { afterCommits, benchChain, benchFunction } from './bench-chain';
import { batch, eventRow, executionRow } from './sample-rows';

/**
 * The events of one transition of the bench chain as the engine commits them on its own (a Lambda's
 * answer, its state's exit, the next state's entry, and the next call scheduled and started), taken from a run.
 */
export async function oneTransitionEvents(): Promise<readonly StoredEvent[]> {
  const store = new InMemoryDurableStore();
  const commits: CommitBatch[] = [];
  const gate = afterCommits(store, (batch) => commits.push(batch));
  const runtime = createDurableRuntime({ store, handlers: { [benchFunction]: gate.answer } });
  try {
    await (await runtime.startExecution(benchChain)).result();
  } finally {
    await runtime.close();
  }
  // The first commit starts the execution and the last ends it; any between is one step.
  const step = commits[2]?.events ?? [];
  if (step[0]?.type !== 'LambdaFunctionSucceeded')
    throw new Error('the bench chain committed no step on its own');
  return step;
}

/**
 * Commits per second of the store doing what one transition costs it, one commit after another,
 * with nothing else running: the store's own overhead beside the raw rate, without the engine's.
 * The commits are fenced by `owner`, as a runtime's are.
 */
export async function storeCommitsPerSecond(store: DurableStore, seconds: number, owner = 'bench-commits') {
  const step = await oneTransitionEvents();
  await store.init();
  const execution = executionRow(`commits-${randomUUID()}`, { owner, leaseExpires: Date.now() + 3_600_000 });
  const arn = execution.executionArn;
  await store.commit(
    batch({ executions: [execution], events: [eventRow(arn, 1, 'ExecutionStarted', {})], owner }),
  );
  let lastId = 1;
  const next = (): CommitBatch => {
    const shift = lastId + 1 - (step[0] as StoredEvent).id;
    const events = step.map((event) => ({
      ...event,
      executionArn: arn,
      id: event.id + shift,
      previousEventId: event.previousEventId + shift,
    }));
    lastId += step.length;
    return batch({ events, owner });
  };
  for (let i = 0; i < 200; i++) await store.commit(next());
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let commits = 0;
  while (performance.now() < until) {
    await store.commit(next());
    commits++;
  }
  return commits / ((performance.now() - started) / 1000);
}
