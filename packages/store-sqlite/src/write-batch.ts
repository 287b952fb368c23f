import {
  type CommitResult,
  checkFollows,
  DurableResourceNotFoundError,
  type EncodedChunk,
  endedRow,
  executionValues,
  isFencedFor,
  type TerminalUpdate,
  timerAndTokenArns,
} from '@stepwise/runtime';
import type { EncodedBatch } from './encoded-batch';
import type { Statements } from './statements';

interface KnownExecution {
  readonly key: number;
  /** The last event id stored, once known; a commit's chunk must follow it. */
  lastId: number | undefined;
}

/**
 * Execution keys (rowids) and last stored event ids by ARN, remembered for running executions so
 * a commit neither looks the key up nor reads the last chunk back; an execution that ends is
 * forgotten, and the map is emptied if it ever grows large. A failed transaction empties it too,
 * since it may have noted rows that were rolled back.
 */
export class ExecutionKeys {
  private readonly known = new Map<string, KnownExecution>();

  get(arn: string): KnownExecution | undefined {
    return this.known.get(arn);
  }
  set(arn: string, key: number, lastId?: number): KnownExecution {
    if (this.known.size >= 100_000) this.known.clear();
    const entry = { key, lastId };
    this.known.set(arn, entry);
    return entry;
  }
  delete(arn: string): void {
    this.known.delete(arn);
  }
  clear(): void {
    this.known.clear();
  }
}

/**
 * Writes one commit batch; the caller runs it inside a transaction. An execution's events become
 * one chunk row; a chunk overlapping one already written is a transition applied twice, and one
 * that would leave a hole after a failed commit is refused too. Events of an execution that has
 * ended, and with an owner set those of an execution leased to someone else, are left out and
 * reported (fencing), as is a new execution whose ARN is taken, with its rows.
 */
export function writeBatch(sql: Statements, keys: ExecutionKeys, batch: EncodedBatch): CommitResult {
  const fresh = new Set<string>();
  const fenced = new Set<string>();
  const ends = batch.executions.length > 0 ? endsOf(batch.chunks) : undefined;
  for (const e of batch.executions) {
    // A run committed whole (a commit waits for quiet) writes its row and status index entry once.
    const end = ends?.get(e.executionArn);
    const { changes, lastInsertRowid } = sql.insertExecution.run(executionValues(end ? endedRow(e, end) : e));
    // Its ARN is taken: it is left out with its rows, the rest of the commit lands.
    if (changes === 0) {
      fenced.add(e.executionArn);
      continue;
    }
    // Only a running execution is remembered (one that ends here is forgotten below): a remembered
    // one is not read back, so its end is not checked.
    if (e.status === 'RUNNING') keys.set(e.executionArn, Number(lastInsertRowid), 0);
    fresh.add(e.executionArn);
  }
  const ended = new Set<string>();
  for (const chunk of batch.chunks) {
    const arn = chunk.executionArn;
    if (fenced.has(arn)) continue;
    const fence = batch.owner !== undefined && !fresh.has(arn);
    let known = keys.get(arn);
    if (known === undefined || fence) {
      const row = sql.keyOf.get(arn) as { seq: number; owner: string | null; status: string } | undefined;
      if (!row) throw new DurableResourceNotFoundError('execution', arn);
      // An execution that has ended takes no more events (a late write cannot add a second end),
      // nor does one that another owner holds.
      if (isFencedFor(row, fence ? batch.owner : undefined)) {
        fenced.add(arn);
        continue;
      }
      // Under leases another process may have written since: its last event is read, not recalled.
      known = keys.set(arn, row.seq);
    }
    const key = known.key;
    if (known.lastId === undefined) {
      const before = sql.lastChunkBefore.get(key, chunk.lastId) as { last_id: number } | undefined;
      known.lastId = before?.last_id ?? 0;
    }
    checkFollows(chunk, known.lastId);
    sql.insertChunk.run(key, chunk.firstId, chunk.lastId, chunk.text);
    known.lastId = chunk.lastId;
    const end = chunk.end;
    if (end) {
      // An execution started in this batch was inserted as it ended, with no timer or token yet.
      if (!fresh.has(arn)) {
        sql.finish.run(
          end.status,
          end.stopTime,
          end.output ?? null,
          end.error ?? null,
          end.cause ?? null,
          key,
        );
        sql.clearTimers.run(arn);
        (end.status === 'SUCCEEDED' ? sql.dropTokens : sql.endTokens).run(arn);
      }
      keys.delete(arn);
      ended.add(arn);
    }
  }
  // Timers and tokens of an execution with no events here are fenced as events are. A commit
  // rarely has any: the engine writes them with the transition that sets or answers them.
  const withChunks = new Set(batch.chunks.map((chunk) => chunk.executionArn));
  for (const arn of timerAndTokenArns(batch)) {
    if (withChunks.has(arn) || fresh.has(arn) || fenced.has(arn)) continue;
    const row = sql.keyOf.get(arn) as { owner: string | null; status: string } | undefined;
    if (row && isFencedFor(row, batch.owner)) fenced.add(arn);
  }
  for (const t of batch.timersSet) {
    if (!ended.has(t.executionArn) && !fenced.has(t.executionArn)) {
      sql.setTimer.run(t.executionArn, t.timerId, t.due);
    }
  }
  for (const t of batch.timersCleared) {
    if (!fenced.has(t.executionArn)) sql.clearTimer.run(t.executionArn, t.timerId);
  }
  for (const t of batch.tokensOpened ?? []) {
    if (ended.has(t.executionArn) || fenced.has(t.executionArn)) continue;
    sql.openToken.run(t.token, t.executionArn, t.activityArn ?? null, t.input ?? null, t.scheduledAt);
  }
  for (const t of batch.tokensClosed ?? []) {
    if (!fenced.has(t.executionArn)) sql.closeToken.run(t.state, t.token, t.executionArn);
  }
  return { fenced: [...fenced] };
}

/** The outcome of each execution whose terminal event is in the batch. */
function endsOf(chunks: readonly EncodedChunk[]): Map<string, TerminalUpdate> {
  const ends = new Map<string, TerminalUpdate>();
  for (const chunk of chunks) if (chunk.end) ends.set(chunk.executionArn, chunk.end);
  return ends;
}
