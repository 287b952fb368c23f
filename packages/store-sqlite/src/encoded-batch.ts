import { type CommitBatch, type EncodedChunk, encodeChunks } from '@stepwise/runtime';

/** A commit as the core writes it: the batch with its events grouped, checked and encoded. */
export interface EncodedBatch extends Omit<CommitBatch, 'events'> {
  readonly chunks: readonly EncodedChunk[];
}

/**
 * Groups a batch's events into one chunk per execution, refusing repeats and holes within the
 * batch, and encodes each as its row's text. The store does this on the caller's thread: posting
 * a few strings to the writer thread costs far less to clone than every event object, and leaves
 * the writer nothing but SQL.
 */
export function encodeBatch(batch: CommitBatch): EncodedBatch {
  return {
    executions: batch.executions,
    chunks: encodeChunks(batch.events),
    timersSet: batch.timersSet,
    timersCleared: batch.timersCleared,
    tokensOpened: batch.tokensOpened,
    tokensClosed: batch.tokensClosed,
    owner: batch.owner,
  };
}
