/** What a task handler learns about the invocation it serves. */
export interface TaskContext {
  /** The Task state's `Resource`. */
  readonly resource: string;
  readonly stateName: string;
  readonly executionArn: string;
  /** `$$.Task.Token` of this invocation. */
  readonly taskToken: string;
  /** 0 for the first attempt, then 1, 2... for each retry. */
  readonly attempt: number;
  /**
   * Stable for this invocation (execution, Parallel branch / Map iteration, state, attempt and,
   * once the execution has been redriven, the redrive count): a durable execution resumed after a
   * crash runs an unfinished task again with the same key, so the handler can deduplicate its side
   * effects. A task a redrive runs again is a new attempt, with a new key.
   */
  readonly idempotencyKey: string;
  /** Fires when the state times out, misses a heartbeat, or the execution is stopped. */
  readonly signal: AbortSignal;
  /** Tells the runtime the work is alive, resetting the `HeartbeatSeconds` timer. */
  heartbeat(): void;
  /** The context object (`$$`) as the state sees it. */
  readonly contextObject: Readonly<Record<string, unknown>>;
}

/**
 * Serves a Task state: receives the effective input (after InputPath/Parameters or Arguments) and
 * returns the result. Throw a `TaskFailedError` to fail with a named error.
 */
export type TaskHandler = (input: unknown, context: TaskContext) => unknown;

/** A handler bound to a resource: an exact ARN, a glob where `*` matches any run of characters, or a RegExp. */
export interface TaskHandlerRoute {
  readonly resource: string | RegExp;
  readonly handler: TaskHandler;
}

export type TaskHandlers = Readonly<Record<string, TaskHandler>> | readonly TaskHandlerRoute[];
