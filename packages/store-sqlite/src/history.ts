import { decodeHistory as decodeChunkRows, type StoredEvent } from '@stepwise/runtime';
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

/**
 * The events of an execution's chunk rows; a row that cannot be read, or a row missing between
 * two others, is named as corruption.
 */
export function decodeHistory(arn: string, rows: readonly ChunkRow[]): StoredEvent[] {
  return decodeChunkRows(
    arn,
    rows.map((chunk) => [chunk.first_id, chunk.last_id, chunk.events] as const),
  );
}
