import type { Clock } from '../clock/clock';
import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import type { TaskContext, TaskHandler } from './task-handler';

export interface HandlerCall {
  readonly clock: Clock;
  /** The execution's signal: a stop aborts the handler too. */
  readonly executionSignal: AbortSignal;
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
  readonly context: Omit<TaskContext, 'signal' | 'heartbeat'>;
}

/**
 * Calls a handler under the state's TimeoutSeconds and HeartbeatSeconds. Whatever ends the call
 * first (result, error, timeout, missed heartbeat, stop) wins, and the handler's signal fires so it
 * can give up its work.
 */
export async function callHandler(handler: TaskHandler, input: unknown, call: HandlerCall): Promise<unknown> {
  const handlerAbort = new AbortController();
  const timers = new AbortController();
  const onStop = () => handlerAbort.abort(call.executionSignal.reason);
  call.executionSignal.addEventListener('abort', onStop, { once: true });
  const racers: Promise<unknown>[] = [];
  let heartbeat = () => {};
  if (call.timeoutSeconds !== undefined) {
    racers.push(expire(call.clock, call.timeoutSeconds, timers.signal, ErrorNames.timeout));
  }
  if (call.heartbeatSeconds !== undefined) {
    let beat = new AbortController();
    const seconds = call.heartbeatSeconds;
    const arm = (): Promise<never> =>
      expire(
        call.clock,
        seconds,
        AbortSignal.any([beat.signal, timers.signal]),
        ErrorNames.heartbeatTimeout,
      ).catch((error: unknown) => {
        if (beat.signal.aborted && !timers.signal.aborted) {
          beat = new AbortController();
          return arm();
        }
        throw error;
      });
    heartbeat = () => beat.abort();
    racers.push(arm());
  }
  const context: TaskContext = { ...call.context, signal: handlerAbort.signal, heartbeat: () => heartbeat() };
  const work = call.clock.track(Promise.resolve().then(() => handler(input, context)));
  try {
    return await Promise.race([work, ...racers]);
  } catch (error) {
    if (
      error instanceof StatesError &&
      (error.error === ErrorNames.timeout || error.error === ErrorNames.heartbeatTimeout)
    ) {
      handlerAbort.abort(error);
    }
    throw error;
  } finally {
    timers.abort();
    call.executionSignal.removeEventListener('abort', onStop);
    work.catch(() => {});
  }
}

async function expire(clock: Clock, seconds: number, signal: AbortSignal, error: string): Promise<never> {
  await clock.sleep(seconds * 1000, signal);
  throw new StatesError(error, undefined);
}
