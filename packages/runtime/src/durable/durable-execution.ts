import type { ExecutionResult } from '../engine/execution-result';
import type { HistoryEvent } from '../history/history-event';
import type { StoredExecution } from './durable-store';
import { parseJson } from './terminal-status';

/** A durable execution, wherever it runs: its outcome and history come from the store. */
export interface DurableExecution {
  readonly executionArn: string;
  /** Settles once the execution's end is committed; never rejects for a failed execution. */
  result(): Promise<ExecutionResult>;
  /** The committed history. */
  history(): Promise<HistoryEvent[]>;
}

/** The outcome a finished stored execution reports. */
export function resultOf(row: StoredExecution): ExecutionResult | undefined {
  switch (row.status) {
    case 'RUNNING':
      return undefined;
    case 'SUCCEEDED':
      return {
        status: 'SUCCEEDED',
        output: row.output === undefined ? null : parseJson(row.output, `output of ${row.executionArn}`),
      };
    default:
      return withoutUndefined({ status: row.status, error: row.error, cause: row.cause });
  }
}

function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}
