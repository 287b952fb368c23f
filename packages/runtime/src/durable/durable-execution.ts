import type { ExecutionResult } from '../engine/execution-result';
import type { HistoryEvent } from '../history/history-event';
import type { DurableStore, StoredExecution } from './durable-store';
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

/** Waits for the stored execution to end, checking every `pollMs`. */
export async function awaitStoredResult(
  store: DurableStore,
  executionArn: string,
  pollMs: number,
): Promise<ExecutionResult> {
  for (;;) {
    const row = await store.getExecution(executionArn);
    const result = row && resultOf(row);
    if (result) return result;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}
