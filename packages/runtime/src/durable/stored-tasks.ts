/** An activity, as `createActivity` made it. */
export interface StoredActivity {
  readonly activityArn: string;
  readonly name: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** What `sendTaskSuccess` or `sendTaskFailure` said; payloads are JSON text. */
export type TaskAnswer =
  | { readonly kind: 'SUCCESS'; readonly output: string }
  | { readonly kind: 'FAILURE'; readonly error: string | undefined; readonly cause: string | undefined };

/**
 * `OPEN`: the task waits on its token. `ANSWERED`: an answer is stored and not yet applied by the
 * runtime running the execution. `CLOSED` / `TIMED_OUT`: the task's outcome is committed; the row
 * stays so that a late answer gets the right error, after the execution ends too unless it
 * succeeded (a redriven execution refuses answers to the tokens of its earlier attempts).
 */
export type TaskTokenState = 'OPEN' | 'ANSWERED' | 'CLOSED' | 'TIMED_OUT';

/** A task opened by a commit: a callback (`.waitForTaskToken`) or an activity task. */
export interface OpenedTaskToken {
  readonly token: string;
  readonly executionArn: string;
  /** For an activity task: the activity and the task's input (JSON text). */
  readonly activityArn: string | undefined;
  readonly input: string | undefined;
  /** Milliseconds since the epoch; activity tasks are handed out oldest first. */
  readonly scheduledAt: number;
}

/** A task whose outcome a commit records. */
export interface ClosedTaskToken {
  readonly token: string;
  readonly executionArn: string;
  readonly state: 'CLOSED' | 'TIMED_OUT';
}

/** A task token as the store keeps it, with what other runtimes sent to it. */
export interface StoredTaskToken extends OpenedTaskToken {
  readonly state: TaskTokenState;
  /** Set once a worker took the activity task (`getActivityTask`); its name, if it gave one. */
  readonly taken: boolean;
  readonly workerName: string | undefined;
  /** How many `sendTaskHeartbeat` calls were stored for it. */
  readonly heartbeats: number;
  /**
   * When the latest stored heartbeat was sent (milliseconds since the epoch, on the sending
   * runtime's clock): the task's HeartbeatSeconds count from then, however late it is applied.
   */
  readonly heartbeatAt: number | undefined;
  readonly answer: TaskAnswer | undefined;
}

/**
 * What became of an answer or heartbeat sent through the store. `ACCEPTED`: stored for the
 * runtime running the execution. `UNKNOWN`: no such execution. `CLOSED`: the task was answered
 * already. `TIMED_OUT`: the task timed out, or its execution is not running.
 */
export type TaskSignalOutcome = 'ACCEPTED' | 'UNKNOWN' | 'CLOSED' | 'TIMED_OUT';

/** A notice from another process (PostgreSQL NOTIFY): a task signal, or a new activity task. */
export type StoreNotice =
  | { readonly kind: 'task'; readonly executionArn: string }
  | { readonly kind: 'activity'; readonly activityArn: string }
  /** Another runtime took the execution's lease (to stop it): its holder lets it go. */
  | { readonly kind: 'seized'; readonly executionArn: string };
