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
   * Once `call.abandoned` fires (the task timed out, its execution stopped, a sibling branch
   * failed), nobody waits for the work any more and it no longer holds the clock back.
   */
  track<T>(work: Promise<T>, call?: AbandonableCall): Promise<T>;
}

/**
 * Where tracked work learns it was given up. Read only by a clock that counts work in flight,
 * so a real clock never makes the signal.
 */
export interface AbandonableCall {
  readonly abandoned: AbortSignal;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}
