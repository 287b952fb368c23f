import { frameStopped, untilStopped } from '../engine/cancellation';
import type { Frame } from '../engine/run-context';
import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import { fail } from '../errors/state-failure';
import type { HandlerContext } from './handler-context';
import type { TaskFinish, TaskInvocation, TaskRoute } from './invoke-task';
import { jsonTaskResult } from './task-result';

/**
 * A Task attempt whose handler call is under way. The graph runner awaits `work` itself and then
 * calls `settle` or `reject`, so a task costs the handler's own promise and the runner's one
 * await, with no async frame of its own in between; anything else awaits it as a promise.
 */
export class PendingTask<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'PendingTask';
  private promised: Promise<T> | undefined;

  constructor(
    /** What the handler returned: usually a promise, a value for a synchronous handler. */
    readonly work: unknown,
    private readonly frame: Frame,
    private readonly call: TaskInvocation,
    private readonly route: TaskRoute,
    private readonly finish: TaskFinish<T>,
    private readonly context: HandlerContext,
  ) {}

  /** The call returned `result`: records the success and finishes the state. */
  settle(result: unknown): T {
    this.context.release();
    let value: unknown;
    try {
      value = jsonTaskResult(result, this.call.stateName);
    } catch (error) {
      // A result without JSON fails the attempt as a handler's error does; one too large fails
      // the state (States.DataLimitExceeded is not the task's error, so nothing is recorded).
      if (error instanceof StatesError) return this.reject(error);
      throw error;
    }
    const { run, lane } = this.frame;
    this.route.events.succeeded(run.recorder, lane, value);
    // An error thrown by `finish` is the state's (ResultSelector, ResultPath...), not the task's.
    return this.finish(this.frame, this.call, value);
  }

  /**
   * What the runner awaits: the call itself, or in a Parallel branch or Map iteration, the call
   * until the branch is stopped.
   */
  get settled(): unknown {
    const signal = this.frame.signal;
    return signal === undefined ? this.work : untilStopped(Promise.resolve(this.work), signal);
  }

  /** The call failed with `thrown`: records the failure and fails the attempt by its name. */
  reject(thrown: unknown): never {
    this.context.release();
    const run = this.frame.run;
    // Stopped (the execution, or the branch by a sibling's failure): nothing more is recorded.
    if (frameStopped(this.frame) !== undefined) throw thrown;
    const { error, cause } = describeError(thrown);
    const timedOut = error === ErrorNames.timeout || error === ErrorNames.heartbeatTimeout;
    this.route.events.failed(run.recorder, this.frame.lane, error, cause, timedOut);
    return fail(error, cause);
  }

  private asPromise(): Promise<T> {
    this.promised ??= Promise.resolve(this.settled).then(
      (result) => this.settle(result),
      (thrown: unknown) => this.reject(thrown),
    );
    return this.promised;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PendingTask is awaited like the promise it stands for.
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.asPromise().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.asPromise().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.asPromise().finally(onFinally);
  }
}

/**
 * The error name and cause of whatever a handler threw. Reading them runs the thrown value's own
 * code (a getter, a toString, a Proxy's traps), which may throw in turn: the attempt then still
 * fails by a name that Retry and Catch can match, rather than as an uncatchable States.Runtime.
 */
export function describeError(thrown: unknown): { error: string | undefined; cause: string | undefined } {
  try {
    if (thrown instanceof StatesError) return { error: thrown.error, cause: thrown.cause };
    if (thrown instanceof Error) {
      const { name, message } = thrown;
      return { error: typeof name === 'string' && name !== '' ? name : 'Error', cause: String(message) };
    }
    return { error: 'Error', cause: String(thrown) };
  } catch {
    return { error: 'Error', cause: 'The handler threw a value that cannot be turned into text.' };
  }
}
