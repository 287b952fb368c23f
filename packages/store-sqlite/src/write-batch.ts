import {
  type CommitBatch,
  type CommitResult,
  checkFollows,
  chunksOf,
  DurableResourceNotFoundError,
  encodeChunk,
  executionValues,
  terminalUpdate,
} from '@stepwise/runtime';
import type { Statements } from './statements';

/**
 * Execution keys (rowids) by ARN, remembered for running executions so a commit does not look
 * them up; an execution that ends is forgotten, and the map is emptied if it ever grows large.
 */
export class ExecutionKeys {
  private readonly keys = new Map<string, number>();

  get(arn: string): number | undefined {
    return this.keys.get(arn);
  }
  set(arn: string, key: number): void {
    if (this.keys.size >= 100_000) this.keys.clear();
    this.keys.set(arn, key);
  }
  delete(arn: string): void {
    this.keys.delete(arn);
  }
}

/**
 * Writes one commit batch; the caller runs it inside a transaction. An execution's events become
 * one chunk row; a chunk overlapping one already written is a transition applied twice, and one
 * that would leave a hole after a failed commit is refused too. With an
 * owner set, events of an execution leased to someone else are left out and reported (fencing).
 */
export function writeBatch(sql: Statements, keys: ExecutionKeys, batch: CommitBatch): CommitResult {
  const fresh = new Set<string>();
  for (const e of batch.executions) {
    const { lastInsertRowid } = sql.insertExecution.run(executionValues(e));
    keys.set(e.executionArn, Number(lastInsertRowid));
    fresh.add(e.executionArn);
  }
  const fenced: string[] = [];
  const ended = new Set<string>();
  for (const chunk of chunksOf(batch.events)) {
    const arn = chunk.executionArn;
    const fence = batch.owner !== undefined && !fresh.has(arn);
    let key = keys.get(arn);
    if (key === undefined || fence) {
      const row = sql.keyOf.get(arn) as { seq: number; owner: string | null } | undefined;
      if (!row) throw new DurableResourceNotFoundError('execution', arn);
      key = row.seq;
      keys.set(arn, key);
      if (fence && row.owner !== batch.owner) {
        fenced.push(arn);
        continue;
      }
    }
    const before = sql.lastChunkBefore.get(key, chunk.lastId) as { last_id: number } | undefined;
    checkFollows(chunk, before?.last_id ?? 0);
    sql.insertChunk.run(key, chunk.firstId, chunk.lastId, encodeChunk(chunk.events));
    for (const event of chunk.events) {
      const end = terminalUpdate(event);
      if (!end) continue;
      sql.finish.run(end.status, end.stopTime, end.output ?? null, end.error ?? null, end.cause ?? null, key);
      sql.clearTimers.run(arn);
      sql.dropTokens.run(arn);
      keys.delete(arn);
      ended.add(arn);
    }
  }
  for (const t of batch.timersSet) {
    if (!ended.has(t.executionArn) && !fenced.includes(t.executionArn)) {
      sql.setTimer.run(t.executionArn, t.timerId, t.due);
    }
  }
  for (const t of batch.timersCleared) sql.clearTimer.run(t.executionArn, t.timerId);
  for (const t of batch.tokensOpened ?? []) {
    if (ended.has(t.executionArn) || fenced.includes(t.executionArn)) continue;
    sql.openToken.run(t.token, t.executionArn, t.activityArn ?? null, t.input ?? null, t.scheduledAt);
  }
  for (const t of batch.tokensClosed ?? []) {
    if (!fenced.includes(t.executionArn)) sql.closeToken.run(t.state, t.token, t.executionArn);
  }
  return { fenced };
}
