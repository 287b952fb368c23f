import {
  type CommitBatch,
  chunksOf,
  encodeChunk,
  type TerminalUpdate,
  terminalUpdate,
} from '@stepwise/runtime';

/** One execution's events of a commit, as the row they become. */
export interface EncodedChunk {
  readonly executionArn: string;
  readonly firstId: number;
  readonly lastId: number;
  /** The row's JSON text (see `encodeChunk`). */
  readonly text: string;
  /** The execution's outcome, when the chunk holds its terminal event. */
  readonly end: TerminalUpdate | undefined;
}

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
  const chunks = chunksOf(batch.events).map((chunk): EncodedChunk => {
    let end: TerminalUpdate | undefined;
    for (const event of chunk.events) end = terminalUpdate(event) ?? end;
    const { executionArn, firstId, lastId } = chunk;
    return { executionArn, firstId, lastId, text: encodeChunk(chunk.events), end };
  });
  return {
    executions: batch.executions,
    chunks,
    timersSet: batch.timersSet,
    timersCleared: batch.timersCleared,
    tokensOpened: batch.tokensOpened,
    tokensClosed: batch.tokensClosed,
    owner: batch.owner,
  };
}
