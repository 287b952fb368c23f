import type { Clock } from '../clock/clock';

/** AWS's ceiling on an execution's duration: a year for Standard, five minutes for Express. */
export const MAX_DURATION_SECONDS = { STANDARD: 365 * 24 * 60 * 60, EXPRESS: 5 * 60 } as const;

/** setTimeout fires at once for delays beyond 2^31-1 ms, so longer sleeps are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `expire` once `seconds` have passed on the clock, unless `signal` fires first. The wait is
 * split into steps a real timer can hold.
 */
export function expireAfter(clock: Clock, seconds: number, signal: AbortSignal, expire: () => void): void {
  let remaining = seconds * 1000;
  const step = (): void => {
    const ms = Math.min(remaining, MAX_TIMER_MS);
    remaining -= ms;
    clock.sleep(ms, signal).then(
      () => (remaining > 0 ? step() : expire()),
      () => {},
    );
  };
  step();
}
