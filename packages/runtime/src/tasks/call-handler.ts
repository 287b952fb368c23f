import type { Clock } from '../clock/clock';
import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import type { HandlerContext } from './handler-context';
import type { TaskHandler } from './task-handler';

export interface HandlerCall {
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
}

/** How the target wants to be called. */
export interface CallMode {
  /**
   * The handler only waits on work the clock itself schedules (a nested execution): a virtual
   * clock may then skip ahead while it waits.
   */
  readonly clockVisible?: boolean;
  /** Start the HeartbeatSeconds timer at the first `heartbeat()` rather than at once (activities). */
  readonly deferHeartbeat?: boolean;
}

/**
 * Calls a handler under the state's TimeoutSeconds and HeartbeatSeconds. Whatever ends the call
 * first (result, error, timeout, missed heartbeat, stop) wins, and the handler's signal fires so it
 * can give up its work. Without either limit the handler's own promise comes back as it is, so the
 * caller's one await is the only hop; the caller releases `context` once the call has settled.
 */
export function callHandler(
  handler: TaskHandler,
  input: unknown,
  context: HandlerContext,
  clock: Clock,
  mode: CallMode,
  call: HandlerCall,
): unknown {
  if (call.timeoutSeconds === undefined && call.heartbeatSeconds === undefined) {
    // A handler that throws at once fails the attempt the same way as one that rejects.
    let returned: unknown;
    try {
      returned = handler(input, context);
    } catch (error) {
      return Promise.reject(error);
    }
    return mode.clockVisible === true ? returned : clock.track(Promise.resolve(returned), context);
  }
  return callTimed(handler, input, context, clock, mode, call);
}

async function callTimed(
  handler: TaskHandler,
  input: unknown,
  context: HandlerContext,
  clock: Clock,
  mode: CallMode,
  call: HandlerCall,
): Promise<unknown> {
  const timers = new AbortController();
  const racers: Promise<unknown>[] = [];
  if (call.timeoutSeconds !== undefined) {
    racers.push(expire(clock, call.timeoutSeconds, timers.signal, ErrorNames.timeout));
  }
  if (call.heartbeatSeconds !== undefined) {
    let beat = new AbortController();
    const seconds = call.heartbeatSeconds;
    const arm = (): Promise<never> =>
      expire(
        clock,
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
    if (mode.deferHeartbeat) {
      let start: ((racer: Promise<never>) => void) | undefined;
      racers.push(new Promise<never>((_, reject) => (start = (racer) => void racer.catch(reject))));
      context.beat = () => {
        if (start === undefined) return beat.abort();
        start(arm());
        start = undefined;
      };
    } else {
      context.beat = () => beat.abort();
      racers.push(arm());
    }
  }
  const started = Promise.resolve().then(() => handler(input, context));
  // The call is given up when it times out (timers fire in `finally`) or is stopped from outside.
  const given = { abandoned: AbortSignal.any([timers.signal, context.abandoned]) };
  const work = mode.clockVisible === true ? started : clock.track(started, given);
  try {
    return await Promise.race([work, ...racers]);
  } catch (error) {
    if (
      error instanceof StatesError &&
      (error.error === ErrorNames.timeout || error.error === ErrorNames.heartbeatTimeout)
    ) {
      context.expire(error);
    }
    throw error;
  } finally {
    timers.abort();
    work.catch(() => {});
  }
}

async function expire(clock: Clock, seconds: number, signal: AbortSignal, error: string): Promise<never> {
  await clock.sleep(seconds * 1000, signal);
  throw new StatesError(error, undefined);
}
