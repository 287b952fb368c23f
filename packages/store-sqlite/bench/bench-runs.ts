import { type CommitBatch, createDurableRuntime, type DurableStore } from '@stepwise/runtime';
import { benchChain as chain, benchFunction as fn, nextTurn } from '@stepwise/runtime/store-contract';

/**
 * The commits of `total` runs of the benchmark's workflow, `concurrent` at a time, on `store`
 * (closed by the caller), each batch as the runtime hands it to the store.
 */
export async function recordCommits(
  store: DurableStore,
  concurrent: number,
  total: number,
): Promise<CommitBatch[]> {
  const batches: CommitBatch[] = [];
  const commit = store.commit.bind(store);
  store.commit = (batch: CommitBatch) => {
    batches.push(batch);
    return commit(batch);
  };
  const runtime = createDurableRuntime({ store, handlers: { [fn]: nextTurn } });
  let next = 0;
  const lane = async () => {
    while (next < total) await (await runtime.startExecution(chain, { name: `e-${next++}` })).result();
  };
  await Promise.all(Array.from({ length: concurrent }, lane));
  await runtime.close();
  return batches;
}
