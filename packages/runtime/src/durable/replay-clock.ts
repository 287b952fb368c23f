import type { Clock } from '../clock/clock';
import { PLAIN_TIMER, setClockTimer, type WithPlainTimer } from '../clock/plain-timer';

/** Where a durable execution's pending timers are written (the store's timer rows). */
export interface TimerSink {
  set(timerId: string, due: number): void;
  clear(timerId: string): void;
}

export interface ReplayClock extends Clock {
  /**
   * While a resumed execution re-runs recorded steps, "now" is the time of the recorded event it
   * has just matched, so waits, back-offs and timeouts computed from it keep their original due
   * times. `undefined` returns to the base clock.
   */
  replayAt(time: number | undefined): void;
}

/**
 * A per-execution clock over the runtime's clock. A timer due in the past fires at once, which is
 * how a Wait that fell due while the process was down completes as soon as it resumes.
 */
export function createReplayClock(base: Clock, timers: TimerSink): ReplayClock {
  let replayTime: number | undefined;
  let resetScheduled = false;
  let nextTimer = 0;
  const now = () => replayTime ?? base.now();
  const clock: ReplayClock & WithPlainTimer = {
    now,
    replayAt(time) {
      replayTime = time;
      // Replayed steps run in one burst of promise callbacks; afterwards time is real again.
      if (time !== undefined && !resetScheduled) {
        resetScheduled = true;
        setImmediate(() => {
          resetScheduled = false;
          replayTime = undefined;
        });
      }
    },
    sleep(ms, signal) {
      const due = now() + Math.max(0, ms);
      const timerId = String(++nextTimer);
      timers.set(timerId, due);
      const sleeping = base.sleep(Math.max(0, due - base.now()), signal);
      const done = () => timers.clear(timerId);
      sleeping.then(done, done);
      return sleeping;
    },
    [PLAIN_TIMER](ms, fire) {
      const due = now() + Math.max(0, ms);
      const timerId = String(++nextTimer);
      timers.set(timerId, due);
      let live = true;
      const end = () => {
        if (!live) return false;
        live = false;
        timers.clear(timerId);
        return true;
      };
      const cancel = setClockTimer(base, Math.max(0, due - base.now()), () => end() && fire());
      return () => {
        if (end()) cancel();
      };
    },
    track: (work, call) => base.track(work, call),
  };
  return clock;
}
