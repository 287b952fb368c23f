import type { Clock } from './clock';

/**
 * Where the runtime's own clocks keep a plain timer: a callback and a function that cancels it,
 * with no promise, AbortController or listener. Those are what a `sleep` with a signal costs (an
 * abortable sleep and its abort take about 9 µs on Node 20, a timer and its clear half a
 * microsecond), and every Task with TimeoutSeconds or HeartbeatSeconds sets and cancels one.
 */
export const PLAIN_TIMER: unique symbol = Symbol('stepwise.plainTimer');

/** Calls `fire` once `ms` have passed on the clock; the function returned cancels it. */
export type PlainTimer = (ms: number, fire: () => void) => () => void;

/** A clock that has the plain timer. */
export interface WithPlainTimer {
  readonly [PLAIN_TIMER]?: PlainTimer;
}

/**
 * Calls `fire` once `ms` have passed on `clock`, unless the returned function is called first.
 * A clock of the caller's own (one without the plain timer) is used through its `sleep`.
 */
export function setClockTimer(clock: Clock, ms: number, fire: () => void): () => void {
  const plain = (clock as WithPlainTimer)[PLAIN_TIMER];
  if (plain) return plain(ms, fire);
  let live = true;
  const controller = new AbortController();
  clock.sleep(ms, controller.signal).then(
    () => {
      if (live) fire();
    },
    () => {},
  );
  return () => {
    if (!live) return;
    live = false;
    controller.abort(CANCELLED);
  };
}

/** The reason a cancelled timer's sleep ends with; nobody observes it. */
const CANCELLED = new Error('timer cancelled');
