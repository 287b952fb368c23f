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

/**
 * The outcome of a run whose end is committed, as the store gives it back: the output as its JSON
 * text reads, and no undefined fields.
 */
export function storedResult(outcome: ExecutionResult): ExecutionResult {
  if (outcome.status !== 'SUCCEEDED') return withoutUndefined(outcome);
  const text = JSON.stringify(outcome.output);
  return { status: 'SUCCEEDED', output: text === undefined ? null : JSON.parse(text) };
}

function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}
