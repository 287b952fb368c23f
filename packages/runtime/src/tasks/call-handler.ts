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
  /**
   * False when the handler only waits on work the clock itself schedules (a nested execution):
   * a virtual clock may then skip ahead while it waits. Default true.
   */
  readonly tracked?: boolean;
  /** Start the HeartbeatSeconds timer at the first `heartbeat()` rather than at once (activities). */
  readonly deferHeartbeat?: boolean;
}

/**
 * Calls a handler under the state's TimeoutSeconds and HeartbeatSeconds. Whatever ends the call
 * first (result, error, timeout, missed heartbeat, stop) wins, and the handler's signal fires so it
 * can give up its work.
 */
export async function callHandler(handler: TaskHandler, input: unknown, call: HandlerCall): Promise<unknown> {
  // The handler's signal is made on first read: most handlers never look at it, and an
  // AbortController plus a listener on the execution's signal per call is costly at scale.
  let handlerAbort: AbortController | undefined;
  let expired: unknown;
  const onStop = () => handlerAbort?.abort(call.executionSignal.reason);
  const signal = (): AbortSignal => {
    if (handlerAbort === undefined) {
      handlerAbort = new AbortController();
      if (expired !== undefined) handlerAbort.abort(expired);
      else if (call.executionSignal.aborted) handlerAbort.abort(call.executionSignal.reason);
      else call.executionSignal.addEventListener('abort', onStop, { once: true });
    }
    return handlerAbort.signal;
  };
  const timed = call.timeoutSeconds !== undefined || call.heartbeatSeconds !== undefined;
  const timers = timed ? new AbortController() : undefined;
  const racers: Promise<unknown>[] = [];
  let heartbeat = () => {};
  if (timers !== undefined && call.timeoutSeconds !== undefined) {
    racers.push(expire(call.clock, call.timeoutSeconds, timers.signal, ErrorNames.timeout));
  }
  if (timers !== undefined && call.heartbeatSeconds !== undefined) {
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
    if (call.deferHeartbeat) {
      let start: ((racer: Promise<never>) => void) | undefined;
      racers.push(new Promise<never>((_, reject) => (start = (racer) => void racer.catch(reject))));
      heartbeat = () => {
        if (start === undefined) return beat.abort();
        start(arm());
        start = undefined;
      };
    } else {
      heartbeat = () => beat.abort();
      racers.push(arm());
    }
  }
  const context: TaskContext = {
    ...call.context,
    get signal() {
      return signal();
    },
    heartbeat: () => heartbeat(),
  };
  const started = Promise.resolve().then(() => handler(input, context));
  const work = call.tracked === false ? started : call.clock.track(started);
  if (timers === undefined) {
    try {
      return await work;
    } finally {
      if (handlerAbort !== undefined) call.executionSignal.removeEventListener('abort', onStop);
    }
  }
  try {
    return await Promise.race([work, ...racers]);
  } catch (error) {
    if (
      error instanceof StatesError &&
      (error.error === ErrorNames.timeout || error.error === ErrorNames.heartbeatTimeout)
    ) {
      expired = error;
      handlerAbort?.abort(error);
    }
    throw error;
  } finally {
    timers.abort();
    if (handlerAbort !== undefined) call.executionSignal.removeEventListener('abort', onStop);
    work.catch(() => {});
  }
}

async function expire(clock: Clock, seconds: number, signal: AbortSignal, error: string): Promise<never> {
  await clock.sleep(seconds * 1000, signal);
  throw new StatesError(error, undefined);
}
