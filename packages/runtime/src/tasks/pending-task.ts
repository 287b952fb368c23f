import type { Frame } from '../engine/run-context';
import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import { fail } from '../errors/state-failure';
import type { HandlerContext } from './handler-context';
import type { TaskFinish, TaskInvocation, TaskRoute } from './invoke-task';

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
    const { run, lane } = this.frame;
    this.route.events.succeeded(run.recorder, lane, result);
    // An error thrown by `finish` is the state's (ResultSelector, ResultPath...), not the task's.
    return this.finish(this.frame, this.call, result);
  }

  /** The call failed with `thrown`: records the failure and fails the attempt by its name. */
  reject(thrown: unknown): never {
    this.context.release();
    const run = this.frame.run;
    if (run.stop.aborted) throw thrown;
    const { error, cause } = describeError(thrown);
    const timedOut = error === ErrorNames.timeout || error === ErrorNames.heartbeatTimeout;
    this.route.events.failed(run.recorder, this.frame.lane, error, cause, timedOut);
    return fail(error, cause);
  }

  private asPromise(): Promise<T> {
    this.promised ??= Promise.resolve(this.work).then(
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

function describeError(thrown: unknown): { error: string | undefined; cause: string | undefined } {
  if (thrown instanceof StatesError) return { error: thrown.error, cause: thrown.cause };
  if (thrown instanceof Error) return { error: thrown.name || 'Error', cause: thrown.message };
  return { error: 'Error', cause: String(thrown) };
}
