import { decodeChunk, type StoredEvent } from '@stepwise/runtime';
import type { Statements } from './statements';

/** An execution's chunk rows, in id order (`seq` is its key). */
export interface ChunkRow {
  readonly first_id: number;
  readonly last_id: number;
  readonly events: string;
}

export function chunkRows(sql: Statements, seq: number): ChunkRow[] {
  return sql.listChunks.all(seq) as ChunkRow[];
}

/** The events of an execution's chunk rows; a row that cannot be read is named as corruption. */
export function decodeHistory(arn: string, rows: readonly ChunkRow[]): StoredEvent[] {
  return rows.flatMap((chunk) => decodeChunk(arn, chunk.first_id, chunk.events, chunk.last_id));
}
