import {
  type CommitBatch,
  type CommitResult,
  EXECUTION_COLUMNS,
  encodeChunks,
  executionValues,
  type StoredExecution,
} from '@stepwise/runtime';
import type pg from 'pg';
import { pgText } from './text-values';

/** The call of `commit_batch` (see commit-function.ts); the statement is prepared once per connection. */
export function commitQuery(schema: string, batch: CommitBatch): pg.QueryConfig {
  const chunks = encodeChunks(batch.events);
  const ends = chunks.flatMap(({ executionArn, end }) => (end ? [{ arn: executionArn, ...end }] : []));
  const opened = batch.tokensOpened ?? [];
  const closed = batch.tokensClosed ?? [];
  return {
    name: `${schema}.commit_batch`,
    text: `SELECT ${schema}.commit_batch($1, $2::json, $3::text[], $4::text[], $5::int[], $6::int[], $7::text[],
      $8::text[], $9::text[], $10::bigint[], $11::text[], $12::text[], $13::text[],
      $14::text[], $15::text[], $16::bigint[], $17::text[], $18::text[],
      $19::text[], $20::text[], $21::text[], $22::text[], $23::bigint[], $24::text[], $25::text[], $26::text[]) AS fenced`,
    values: [
      batch.owner ?? null,
      batch.executions.length > 0 ? JSON.stringify(batch.executions.map(executionObject)) : null,
      batch.executions.map((e) => e.executionArn),
      chunks.map((c) => c.executionArn),
      chunks.map((c) => c.firstId),
      chunks.map((c) => c.lastId),
      chunks.map((c) => c.text),
      ends.map((e) => e.arn),
      ends.map((e) => e.status),
      ends.map((e) => e.stopTime),
      ends.map((e) => e.output ?? null),
      ends.map((e) => pgText(e.error ?? null)),
      ends.map((e) => pgText(e.cause ?? null)),
      batch.timersSet.map((t) => t.executionArn),
      batch.timersSet.map((t) => t.timerId),
      batch.timersSet.map((t) => t.due),
      batch.timersCleared.map((t) => t.executionArn),
      batch.timersCleared.map((t) => t.timerId),
      opened.map((t) => t.token),
      opened.map((t) => t.executionArn),
      opened.map((t) => t.activityArn ?? null),
      opened.map((t) => t.input ?? null),
      opened.map((t) => t.scheduledAt),
      closed.map((t) => t.token),
      closed.map((t) => t.executionArn),
      closed.map((t) => t.state),
    ],
  };
}

export function fencedOf(rows: readonly { fenced: string[] | null }[]): CommitResult {
  return { fenced: rows[0]?.fenced ?? [] };
}

/** An execution row as the JSON object `json_populate_recordset` reads (keys are column names). */
function executionObject(e: StoredExecution): Record<string, string | number | null> {
  const values = executionValues(e);
  const row: Record<string, string | number | null> = {};
  EXECUTION_COLUMNS.forEach((column, i) => {
    const value = values[i] ?? null;
    row[column] = typeof value === 'string' ? pgText(value) : value;
  });
  return row;
}
