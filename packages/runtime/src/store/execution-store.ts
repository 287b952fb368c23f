import type { HistoryEvent } from '../history/history-event';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** What a store keeps about one execution, besides its events. */
export interface ExecutionRecord {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly input: unknown;
  readonly startDate: Date;
  status: ExecutionStatus;
  stopDate?: Date;
  output?: unknown;
  error?: string;
  cause?: string;
}

/** An execution's live history, read on demand. */
export interface HistorySource {
  readonly events: readonly HistoryEvent[];
}

/**
 * Where executions and their histories live. Methods may answer synchronously (the in-memory store)
 * or with a promise (a database), so a durable store can be plugged in without changing the engine.
 */
export interface ExecutionStore {
  createExecution(record: ExecutionRecord): void | Promise<void>;
  updateExecution(executionArn: string, patch: Partial<ExecutionRecord>): void | Promise<void>;
  getExecution(executionArn: string): ExecutionRecord | undefined | Promise<ExecutionRecord | undefined>;
  appendEvent(executionArn: string, event: HistoryEvent): void | Promise<void>;
  listEvents(executionArn: string): readonly HistoryEvent[] | Promise<readonly HistoryEvent[]>;
  /**
   * Optional. A store that lives in the same process may read an execution's events from its live
   * history instead of receiving every event through `appendEvent`, which then is not called for
   * that execution. This spares a copy of every event while the execution runs.
   */
  attachHistory?(executionArn: string, history: HistorySource): void;
}
