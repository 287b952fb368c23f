/**
 * The runtime's only source of time. Waits, retry back-off and timeouts all go through it, so a
 * virtual clock can make a week-long workflow finish in milliseconds.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Runs work the clock cannot see (a task handler). A virtual clock never skips ahead while such
   * work is in flight, since the work might finish before the next timer would have fired.
   */
  track<T>(work: Promise<T>): Promise<T>;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}
