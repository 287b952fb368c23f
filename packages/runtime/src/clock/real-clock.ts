import { abortReason, type Clock } from './clock';
import { type Cancellable, withPlainTimer } from './plain-timer';

/** Node fires a timer set for longer than this at once (with a TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Wall-clock time and real timers. */
export function createRealClock(): Clock {
  const clock: Clock = {
    now: () => Date.now(),
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        const onAbort = () => {
          timer.cancel();
          reject(abortReason(signal as AbortSignal));
        };
        const timer = new RealTimer(ms, () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    track: (work) => work,
  };
  return withPlainTimer(clock, (ms, fire) => new RealTimer(ms, fire));
}

/**
 * A Wait or a timeout may be up to a year long: past Node's timer limit the wait is taken in
 * steps, each aimed at the original due time so the steps add no drift.
 */
class RealTimer implements Cancellable {
  readonly due: number;
  handle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    ms: number,
    readonly fire: () => void,
  ) {
    this.due = Date.now() + Math.max(0, ms);
    step(this);
  }

  cancel(): void {
    clearTimeout(this.handle);
  }
}

// One function for every timer's steps, handed the timer, rather than a closure per timer.
function step(timer: RealTimer): void {
  const left = timer.due - Date.now();
  timer.handle =
    left > MAX_TIMER_MS ? setTimeout(step, MAX_TIMER_MS, timer) : setTimeout(timer.fire, Math.max(0, left));
}
