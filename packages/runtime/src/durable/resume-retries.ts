import type { Clock } from '../clock/clock';
import { type Cancellable, setClockTimer } from '../clock/plain-timer';
import type { DurableStore } from './durable-store';
import { DurableResourceNotFoundError, StoreCorruptionError } from './store-errors';

/** A failed resume is tried again after `first` ms, then after twice as long each time, up to `last`. */
export const RESUME_RETRY_MS = { first: 1000, last: 60_000 } as const;

export interface ResumeRetriesOptions {
  readonly store: DurableStore;
  readonly owner: string;
  readonly clock: Clock;
  /** Resumes an execution from the store, unless it has ended or runs here; fails as the resume did. */
  readonly resume: (executionArn: string) => Promise<void>;
}

/**
 * Executions claimed here that did not run: their resume failed (a read of the store, say), or a
 * commit of theirs did. With a shared store their leases are given back for any runtime to claim.
 * Otherwise no one else will run them before this runtime starts again, so it tries again for as
 * long as the store keeps failing: a second later, then twice as long each time, up to a minute.
 * A failure that reading again cannot cure (a corrupted row, a definition missing from the store)
 * ends the tries; `recover()` names such rows.
 */
export class ResumeRetries {
  private readonly timers = new Set<Cancellable>();
  /** Executions with a try planned: handed back again meanwhile, they keep that one. */
  private readonly planned = new Set<string>();
  private closed = false;

  constructor(private readonly options: ResumeRetriesOptions) {}

  /** `attempt`: how many tries have failed already (0 for a first failure). */
  later(executionArns: readonly string[], attempt = 0): void {
    const { store, owner, clock } = this.options;
    if (executionArns.length === 0) return;
    if (store.shared) {
      // Closed or not, the leases are given back. Unreachable, the store lets them expire instead,
      // and the executions are claimed then.
      void store.release(owner, executionArns).catch(() => {});
      return;
    }
    if (this.closed) return;
    const arns = executionArns.filter((arn) => !this.planned.has(arn));
    if (arns.length === 0) return;
    for (const arn of arns) this.planned.add(arn);
    const ms = Math.min(RESUME_RETRY_MS.first * 2 ** attempt, RESUME_RETRY_MS.last);
    const timer = setClockTimer(clock, ms, () => {
      this.timers.delete(timer);
      for (const arn of arns) this.planned.delete(arn);
      void this.retry(arns, attempt + 1);
    });
    this.timers.add(timer);
  }

  /** Resumes each execution now; those that fail for a reason that may pass are tried again later. */
  async now(executionArns: readonly string[], attempt = 0): Promise<void> {
    await this.all(executionArns, (arn) => arn, this.options.resume, attempt);
  }

  /**
   * Runs `resume` on every item together and returns what the resumes gave; an item whose resume
   * failed for a reason that may pass is handed back (`later`), as its execution's ARN.
   */
  async all<T, R>(
    items: readonly T[],
    arnOf: (item: T) => string,
    resume: (item: T) => Promise<R>,
    attempt = 0,
  ): Promise<R[]> {
    const resumed: R[] = [];
    const failed: string[] = [];
    await Promise.all(
      items.map((item) =>
        resume(item).then(
          (result) => resumed.push(result),
          (error: unknown) => {
            if (!isLastingFailure(error)) failed.push(arnOf(item));
          },
        ),
      ),
    );
    this.later(failed, attempt);
    return resumed;
  }

  /** A closed runtime tries nothing more: its next start takes the executions over. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    this.planned.clear();
  }

  private async retry(executionArns: readonly string[], attempt: number): Promise<void> {
    if (!this.closed) await this.now(executionArns, attempt);
  }
}

/** A failure that the same read would meet again: a corrupted row, a definition missing. */
export function isLastingFailure(error: unknown): boolean {
  return error instanceof StoreCorruptionError || error instanceof DurableResourceNotFoundError;
}
