import type { Clock } from './clock';

/**
 * Where the runtime's own clocks keep a plain timer: a callback and a way to cancel it, with no
 * promise, AbortController or listener. Those are what a `sleep` with a signal costs (an
 * abortable sleep and its abort take about 9 µs on Node 20, a timer and its clear half a
 * microsecond), and every Task with TimeoutSeconds or HeartbeatSeconds sets and cancels one.
 */
export const PLAIN_TIMER: unique symbol = Symbol('stepwise.plainTimer');

/** A timer that has not fired yet can be cancelled; cancelling it later does nothing. */
export interface Cancellable {
  cancel(): void;
  /**
   * Whether its due time has passed though it has not fired yet (it fires on a later turn): a
   * resumed execution's timer that fell due while the process was down. Unset: never.
   */
  overdue?(): boolean;
}

/**
 * Calls `fire` once `ms` have passed on the clock, unless cancelled first. `key` names a timer
 * that is set again and again for the same purpose (a task's heartbeat clock): a durable
 * execution keeps its due time under that name, so a resumed run can find it.
 */
export type PlainTimer = (ms: number, fire: () => void, key?: string) => Cancellable;

/** A clock that has the plain timer. */
export interface WithPlainTimer {
  readonly [PLAIN_TIMER]?: PlainTimer;
}

/**
 * Gives one of the runtime's clocks its plain timer, as a property that is not enumerable: a clock
 * copied with its `sleep` replaced (`{ ...createRealClock(), sleep }`) does not take it along, so
 * its timers go through the `sleep` it was given.
 */
export function withPlainTimer<C extends Clock>(clock: C, timer: PlainTimer): C {
  return Object.defineProperty(clock, PLAIN_TIMER, { value: timer, enumerable: false });
}

/**
 * Calls `fire` once `ms` have passed on `clock`, unless cancelled first (`key`: see PlainTimer). A
 * clock of the caller's own (one without the plain timer) is used through its `sleep`; if that
 * sleep fails, the timer fires then.
 */
export function setClockTimer(clock: Clock, ms: number, fire: () => void, key?: string): Cancellable {
  const plain = (clock as WithPlainTimer)[PLAIN_TIMER];
  return plain ? plain.call(clock, ms, fire, key) : new SleepTimer(clock, ms, fire);
}

/** A timer made of a clock's `sleep`, stopped by its signal. */
class SleepTimer implements Cancellable {
  private live = true;
  private readonly controller = new AbortController();

  constructor(clock: Clock, ms: number, fire: () => void) {
    // A sleep that fails (but was not cancelled) ends the timer too: a limit is never lost.
    const elapsed = () => {
      if (this.live) fire();
    };
    clock.sleep(ms, this.controller.signal).then(elapsed, elapsed);
  }

  cancel(): void {
    if (!this.live) return;
    this.live = false;
    this.controller.abort(CANCELLED);
  }
}

/** The reason a cancelled timer's sleep ends with; nobody observes it. */
const CANCELLED = new Error('timer cancelled');
