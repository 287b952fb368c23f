import type { Clock } from '../clock/clock';
import { setClockTimer } from '../clock/plain-timer';
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

function callTimed(
  handler: TaskHandler,
  input: unknown,
  context: HandlerContext,
  clock: Clock,
  mode: CallMode,
  call: HandlerCall,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let cancelTimeout: (() => void) | undefined;
    let cancelBeat: (() => void) | undefined;
    /** Made only for a clock that reads it (a virtual one): fires once nobody waits for the call. */
    let givenUp: AbortController | undefined;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      cancelTimeout?.();
      cancelBeat?.();
      givenUp?.abort();
      return true;
    };
    const fail = (error: unknown) => {
      if (!settle()) return;
      if (
        error instanceof StatesError &&
        (error.error === ErrorNames.timeout || error.error === ErrorNames.heartbeatTimeout)
      ) {
        context.expire(error);
      }
      reject(error);
    };
    const expire = (name: string) => () => fail(new StatesError(name, undefined));
    if (call.timeoutSeconds !== undefined) {
      cancelTimeout = setClockTimer(clock, call.timeoutSeconds * 1000, expire(ErrorNames.timeout));
    }
    const beatSeconds = call.heartbeatSeconds;
    if (beatSeconds !== undefined) {
      // Each heartbeat sets the timer again; for an activity the first one starts it.
      const arm = () => {
        if (settled) return;
        cancelBeat?.();
        cancelBeat = setClockTimer(clock, beatSeconds * 1000, expire(ErrorNames.heartbeatTimeout));
      };
      context.beat = arm;
      if (!mode.deferHeartbeat) arm();
    }
    const started = Promise.resolve().then(() => handler(input, context));
    // The call is given up when it ends, times out or misses a heartbeat, or is stopped from outside.
    const given = {
      get abandoned(): AbortSignal {
        givenUp ??= new AbortController();
        if (settled) givenUp.abort();
        return AbortSignal.any([givenUp.signal, context.abandoned]);
      },
    };
    const work = mode.clockVisible === true ? started : clock.track(started, given);
    work.then((value) => {
      if (settle()) resolve(value);
    }, fail);
  });
}
