import type { RandomSource } from '../random/random';
import { errorMatches } from './error-matching';
import { ErrorNames } from './error-names';

export interface Retrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds: number | undefined;
  readonly jitter: 'FULL' | 'NONE';
}

export function compileRetriers(raw: unknown): readonly Retrier[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: Readonly<Record<string, unknown>>) => ({
    errorEquals: Array.isArray(entry.ErrorEquals) ? (entry.ErrorEquals as string[]) : [],
    intervalSeconds: typeof entry.IntervalSeconds === 'number' ? entry.IntervalSeconds : 1,
    maxAttempts: typeof entry.MaxAttempts === 'number' ? entry.MaxAttempts : 3,
    backoffRate: typeof entry.BackoffRate === 'number' ? entry.BackoffRate : 2,
    maxDelaySeconds: typeof entry.MaxDelaySeconds === 'number' ? entry.MaxDelaySeconds : undefined,
    jitter: entry.JitterStrategy === 'FULL' ? 'FULL' : 'NONE',
  }));
}

/** Tracks how often each retrier has fired during one state visit. */
export class RetryState {
  private readonly attempts: number[];
  /** Retries so far across all retriers: `$$.State.RetryCount`. */
  retryCount = 0;

  constructor(private readonly retriers: readonly Retrier[]) {
    this.attempts = retriers.map(() => 0);
  }

  /**
   * The delay in milliseconds before the next attempt, or undefined when the error is not retried.
   * The first retrier that matches decides, even when it has no attempts left.
   */
  nextDelay(error: string | undefined, random: RandomSource): number | undefined {
    if (error === ErrorNames.runtime) return undefined;
    const index = this.retriers.findIndex((r) => errorMatches(r.errorEquals, error));
    const retrier = this.retriers[index];
    if (retrier === undefined) return undefined;
    const done = this.attempts[index] ?? 0;
    if (done >= retrier.maxAttempts) return undefined;
    this.attempts[index] = done + 1;
    this.retryCount++;
    let seconds = retrier.intervalSeconds * retrier.backoffRate ** done;
    if (retrier.maxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.maxDelaySeconds);
    if (retrier.jitter === 'FULL') seconds = random() * seconds;
    return Math.round(seconds * 1000);
  }
}
