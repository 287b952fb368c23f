import type { AbandonableCall, Clock } from '../clock/clock';
import { type Cancellable, setClockTimer } from '../clock/plain-timer';
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
 *
 * `fresh`: nothing of the call is recorded ahead (a resumed call with no TaskSubmitted, say); a
 * limit of it that already ran out then ends it before the handler is called again.
 */
export function callHandler(
  handler: TaskHandler,
  input: unknown,
  context: HandlerContext,
  clock: Clock,
  mode: CallMode,
  call: HandlerCall,
  fresh = true,
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
  return callTimed(handler, input, context, clock, mode, call, fresh);
}

function callTimed(
  handler: TaskHandler,
  input: unknown,
  context: HandlerContext,
  clock: Clock,
  mode: CallMode,
  call: HandlerCall,
  fresh: boolean,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timed = new TimedCall(context, clock, resolve, reject);
    if (call.timeoutSeconds !== undefined) timed.limit(call.timeoutSeconds);
    if (call.heartbeatSeconds !== undefined)
      timed.expectHeartbeats(call.heartbeatSeconds, mode.deferHeartbeat);
    // Stopped from outside, the call is over for the execution, though the handler may go on:
    // its limits must not keep the process alive, nor fire later.
    const stop = context.abandoned;
    if (stop.aborted) timed.disarm();
    else stop.addEventListener('abort', timed.disarm, { once: true });
    // A limit that ran out while the process was down (the call was in flight at a crash) ends
    // a fresh call before its handler runs again: it fires first, as it would have. A call whose
    // later events are recorded (a callback's TaskSubmitted) replays them first.
    const started = Promise.resolve().then(() =>
      fresh && timed.expireOverdue() ? undefined : handler(input, context),
    );
    const work = mode.clockVisible === true ? started : clock.track(started, timed);
    work.then(timed.succeed, timed.fail).finally(() => stop.removeEventListener('abort', timed.disarm));
  });
}

/**
 * One call under its limits, settled once by whichever comes first. A class, not closures over an
 * object literal: its `abandoned` getter would put each call's object in V8's dictionary mode.
 */
class TimedCall implements AbandonableCall {
  private settled = false;
  private disarmed = false;
  private timeout: Cancellable | undefined;
  private heartbeat: Cancellable | undefined;
  /** When the heartbeat timer is due, on the clock. */
  private heartbeatDue = Number.NEGATIVE_INFINITY;
  /** Made only for a clock that reads `abandoned` (a virtual one), then the same on every read. */
  private givenUp: AbortController | undefined;
  private abandonedSignal: AbortSignal | undefined;

  constructor(
    private readonly context: HandlerContext,
    private readonly clock: Clock,
    private readonly resolve: (value: unknown) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  limit(seconds: number): void {
    this.timeout = setClockTimer(this.clock, seconds * 1000, () =>
      this.fail(new StatesError(ErrorNames.timeout, undefined)),
    );
  }

  /**
   * Each heartbeat sets the timer again; for an activity (`deferred`) the first one starts it. A
   * heartbeat counts from when it was sent: one stored before it reached the task (`sentAt`) may
   * be older than now, and one older than the heartbeat that set the timer moves nothing. A
   * heartbeat stored for the token before the execution resumed came after the task started and
   * after a worker took it, so the clock's first start counts from it: a pick-up applied as the
   * execution resumes is recorded then, though the worker took the task before the heartbeat.
   */
  expectHeartbeats(seconds: number, deferred: boolean | undefined): void {
    const missed = () => this.fail(new StatesError(ErrorNames.heartbeatTimeout, undefined));
    const arm = (sentAt?: number) => {
      if (this.settled || this.disarmed) return;
      const now = this.clock.now();
      const first = this.heartbeatDue === Number.NEGATIVE_INFINITY;
      const since = sentAt ?? (first ? (this.context.storedHeartbeatAt ?? now) : now);
      const due = since + seconds * 1000;
      if (sentAt !== undefined && due <= this.heartbeatDue) return;
      this.heartbeatDue = due;
      this.heartbeat?.cancel();
      this.heartbeat = setClockTimer(
        this.clock,
        Math.max(0, due - now),
        missed,
        heartbeatTimer(this.context),
      );
    };
    this.context.beat = arm;
    if (!deferred) arm();
  }

  /** Fails the call now if one of its limits is overdue (see Cancellable.overdue); whether it did. */
  expireOverdue(): boolean {
    if (this.timeout?.overdue?.()) this.fail(new StatesError(ErrorNames.timeout, undefined));
    else if (this.heartbeat?.overdue?.()) this.fail(new StatesError(ErrorNames.heartbeatTimeout, undefined));
    return this.settled;
  }

  /** The call is given up once it ends, times out or misses a heartbeat, or is stopped from outside. */
  get abandoned(): AbortSignal {
    if (this.abandonedSignal === undefined) {
      this.givenUp = new AbortController();
      if (this.settled) this.givenUp.abort();
      this.abandonedSignal = AbortSignal.any([this.givenUp.signal, this.context.abandoned]);
    }
    return this.abandonedSignal;
  }

  /** Cancels the limits without settling the call. */
  readonly disarm = (): void => {
    this.disarmed = true;
    this.timeout?.cancel();
    this.heartbeat?.cancel();
  };

  readonly succeed = (value: unknown): void => {
    if (this.settle()) this.resolve(value);
  };

  readonly fail = (error: unknown): void => {
    if (!this.settle()) return;
    if (
      error instanceof StatesError &&
      (error.error === ErrorNames.timeout || error.error === ErrorNames.heartbeatTimeout)
    ) {
      this.context.expire(error);
    }
    this.reject(error);
  };

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.timeout?.cancel();
    this.heartbeat?.cancel();
    this.givenUp?.abort();
    return true;
  }
}

/**
 * The heartbeat clock of one task attempt, named alike in every run of the execution (see
 * PlainTimer): a resumed run finds the deadline the last heartbeat set before the restart.
 */
function heartbeatTimer(context: HandlerContext): string {
  return `heartbeat:${context.idempotencyKey}`;
}
