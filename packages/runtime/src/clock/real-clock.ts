import { abortReason, type Clock } from './clock';

/** Node fires a timer set for longer than this at once (with a TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Wall-clock time and real timers. */
export function createRealClock(): Clock {
  return {
    now: () => Date.now(),
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        // A Wait or a timeout may be up to a year long: past Node's timer limit the wait is taken
        // in steps, each aimed at the original due time so the steps add no drift.
        const due = Date.now() + Math.max(0, ms);
        let timer: ReturnType<typeof setTimeout>;
        const onAbort = () => {
          clearTimeout(timer);
          reject(abortReason(signal as AbortSignal));
        };
        const step = () => {
          const left = due - Date.now();
          if (left > MAX_TIMER_MS) {
            timer = setTimeout(step, MAX_TIMER_MS);
            return;
          }
          timer = setTimeout(
            () => {
              signal?.removeEventListener('abort', onAbort);
              resolve();
            },
            Math.max(0, left),
          );
        };
        step();
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    track: (work) => work,
  };
}
