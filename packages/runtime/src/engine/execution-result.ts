import type { HistoryEvent } from '../history/history-event';
import type { ExecutionStatus } from '../store/execution-store';

/** How an execution ended. */
export type ExecutionResult =
  | { readonly status: 'SUCCEEDED'; readonly output: unknown }
  | { readonly status: 'FAILED'; readonly error?: string; readonly cause?: string }
  | { readonly status: 'TIMED_OUT'; readonly error?: string; readonly cause?: string }
  | { readonly status: 'ABORTED'; readonly error?: string; readonly cause?: string };

/** What a stop records in ExecutionAborted, as StopExecution takes them. */
export interface StopReason {
  error?: string;
  cause?: string;
}

/** A running or finished execution. */
export interface Execution {
  readonly executionArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  /** Settles when the execution ends; never rejects for a failed execution. */
  result(): Promise<ExecutionResult>;
  /** The events recorded so far. */
  history(): readonly HistoryEvent[];
  /** Every event, including those still to come, as they are recorded. */
  events(): AsyncIterable<HistoryEvent>;
  /** Stops the execution (ExecutionAborted); in-flight task handlers see their signal fire. */
  stop(options?: Readonly<StopReason>): void;
}
