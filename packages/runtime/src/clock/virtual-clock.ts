import { type AbandonableCall, abortReason, type Clock } from './clock';
import { type PlainTimer, withPlainTimer } from './plain-timer';

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly resolve: () => void;
  cancelled: boolean;
}

export interface VirtualClock extends Clock {
  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void;
  /** Timers that have not fired yet. */
  pendingTimers(): number;
}

export interface VirtualClockOptions {
  /** Where time starts (default: the real time now). */
  readonly start?: Date | number;
  /**
   * `true` (default): when nothing else can run, time jumps to the next timer. `false`: time moves
   * only when `advance()` is called, for a test that must look at the world before something falls
   * due (an execution left in a Wait across a restart, say), whatever the machine's speed.
   */
  readonly autoAdvance?: boolean;
}

/**
 * A clock whose time only moves when nothing else can: once every promise has settled, no tracked
 * work is in flight and only timers remain, it jumps to the earliest timer and fires it. With
 * `autoAdvance: false` it moves only when told to.
 */
export function createVirtualClock(options: VirtualClockOptions = {}): VirtualClock {
  const autoAdvance = options.autoAdvance ?? true;
  let now = options.start === undefined ? Date.now() : Number(options.start);
  let seq = 0;
  let inFlight = 0;
  let checkScheduled = false;
  const timers: Timer[] = [];

  const fireDue = (until: number) => {
    timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    while (timers.length > 0 && (timers[0] as Timer).due <= until) {
      const timer = timers.shift() as Timer;
      if (timer.cancelled) continue;
      now = Math.max(now, timer.due);
      timer.resolve();
    }
  };

  const skipWhenIdle = () => {
    checkScheduled = false;
    if (inFlight > 0) return;
    const live = timers.filter((t) => !t.cancelled);
    timers.length = 0;
    timers.push(...live);
    if (live.length === 0) return;
    live.sort((a, b) => a.due - b.due || a.seq - b.seq);
    fireDue((live[0] as Timer).due);
    scheduleCheck();
  };

  // Told not to move, the clock still fires the timers its present has reached (a zero sleep).
  const fireElapsed = () => {
    checkScheduled = false;
    fireDue(now);
  };

  // setImmediate runs after the microtask queue drains, i.e. once the engine has done all it can.
  const scheduleCheck = () => {
    if (checkScheduled) return;
    checkScheduled = true;
    setImmediate(autoAdvance ? skipWhenIdle : fireElapsed);
  };

  /** A timer due `ms` from now, whose `resolve` is called once time reaches it. */
  const addTimer = (ms: number, resolve: () => void): Timer => {
    const timer: Timer = { due: now + Math.max(0, ms), seq: seq++, resolve, cancelled: false };
    timers.push(timer);
    scheduleCheck();
    return timer;
  };

  const plainTimer: PlainTimer = (ms, given) => {
    // Let go of on cancel: a cancelled timer stays in the list until time reaches it.
    let fire: (() => void) | undefined = given;
    // Fired as a sleep's callback would be: once every timer now due has been reached, in turn.
    const timer = addTimer(ms, () => queueMicrotask(() => fire?.()));
    return {
      cancel: () => {
        timer.cancelled = true;
        fire = undefined;
      },
    };
  };

  const clock: VirtualClock = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        let onAbort: (() => void) | undefined;
        const timer = addTimer(ms, () => {
          if (onAbort) signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        if (signal) {
          onAbort = () => {
            timer.cancelled = true;
            reject(abortReason(signal));
          };
          signal.addEventListener('abort', onAbort, { once: true });
        }
      });
    },
    async track<T>(work: Promise<T>, call?: AbandonableCall): Promise<T> {
      const abandoned = call?.abandoned;
      if (abandoned?.aborted) return work;
      inFlight++;
      let counted = true;
      const release = () => {
        if (!counted) return;
        counted = false;
        inFlight--;
        scheduleCheck();
      };
      abandoned?.addEventListener('abort', release, { once: true });
      try {
        return await work;
      } finally {
        abandoned?.removeEventListener('abort', release);
        release();
      }
    },
    advance(ms) {
      // Firing a timer moves `now` to its due time; the target is fixed before that happens.
      const target = now + Math.max(0, ms);
      fireDue(target);
      now = Math.max(now, target);
    },
    pendingTimers: () => timers.filter((t) => !t.cancelled).length,
  };
  return withPlainTimer(clock, plainTimer);
}
