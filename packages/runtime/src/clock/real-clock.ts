import { abortReason, type Clock } from './clock';
import { PLAIN_TIMER, type WithPlainTimer } from './plain-timer';

/** Node fires a timer set for longer than this at once (with a TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Wall-clock time and real timers. */
export function createRealClock(): Clock {
  const clock: Clock & WithPlainTimer = {
    now: () => Date.now(),
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        const onAbort = () => {
          cancel();
          reject(abortReason(signal as AbortSignal));
        };
        const cancel = realTimer(ms, () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    track: (work) => work,
    [PLAIN_TIMER]: realTimer,
  };
  return clock;
}

/**
 * A Wait or a timeout may be up to a year long: past Node's timer limit the wait is taken in
 * steps, each aimed at the original due time so the steps add no drift.
 */
function realTimer(ms: number, fire: () => void): () => void {
  const due = Date.now() + Math.max(0, ms);
  let timer: ReturnType<typeof setTimeout>;
  const step = () => {
    const left = due - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(step, MAX_TIMER_MS) : setTimeout(fire, Math.max(0, left));
  };
  step();
  return () => clearTimeout(timer);
}
