import { decodeChunk, type StoredEvent } from '@stepwise/runtime';
import type { Statements } from './statements';

/** An execution's stored events, in id order, from its chunk rows (`seq` is its key). */
export function readHistory(sql: Statements, seq: number, arn: string): StoredEvent[] {
  const chunks = sql.listChunks.all(seq) as { first_id: number; last_id: number; events: string }[];
  return chunks.flatMap((chunk) => decodeChunk(arn, chunk.first_id, chunk.events, chunk.last_id));
}
