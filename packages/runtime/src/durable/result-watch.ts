import type { ExecutionResult } from '../engine/execution-result';
import { resultOf } from './durable-execution';
import type { DurableStore, StoredExecution } from './durable-store';
import { StoreCorruptionError, StoreTimeoutError } from './store-errors';

interface Waiter {
  resolve(result: ExecutionResult): void;
  reject(error: unknown): void;
}

/** The most ARNs one question to the store names (a poll over more asks several times). */
export const ARNS_PER_QUERY = 500;
/** Polls that may fail in a row (a connection reset, a failover) before the handles give up. */
export const FAILED_POLLS_TOLERATED = 5;

/**
 * Waits on the results of executions that run elsewhere: in another worker, or not resumed yet.
 * However many handles wait, the store is asked once per `pollMs` about all of them
 * (`endedAmong`), where a poll per handle would put a thousand waiting clients' worth of reads on
 * a shared database every interval. An execution that ends in this process is looked up at once.
 *
 * A failed poll is tried again at the next interval; after `FAILED_POLLS_TOLERATED` in a row the
 * handles waiting then reject with the last error. A poll the store does not answer within ten
 * intervals (at least 10 s) counts as failed, so one hung read cannot stop every handle for good.
 */
export class ResultWatch {
  private readonly waiting = new Map<string, Waiter[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Settles what `track` was told of the timer set now, if it is cleared before it fires. */
  private settleTimer: (() => void) | undefined;
  private polling = false;
  private soon = false;
  private failures = 0;
  /** Set once the runtime has closed: polls go on, but no longer keep the process alive. */
  private detached = false;

  constructor(
    private readonly store: DurableStore,
    private readonly pollMs: number,
    /** How long one poll may take before it counts as failed. */
    private readonly pollTimeoutMs = Math.max(10 * pollMs, 10_000),
    /**
     * Told of each look made at once (an execution just ended here) until it has been made: a
     * virtual clock must not skip ahead while a parent is about to learn of its child's end.
     */
    private readonly track?: (work: Promise<void>) => void,
  ) {}

  /**
   * Settles with the execution's result once the store holds its end. `now` looks at once rather
   * than at the next poll; once `signal` fires, the wait ends with its reason.
   */
  wait(executionArn: string, signal?: AbortSignal, now = false): Promise<ExecutionResult> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        this.forget(executionArn, waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        resolve: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const list = this.waiting.get(executionArn);
      if (list) list.push(waiter);
      else this.waiting.set(executionArn, [waiter]);
      this.schedule(now);
    });
  }

  /** The execution's end was just committed here: look now instead of at the next poll. */
  nudge(executionArn: string): void {
    if (this.waiting.has(executionArn)) this.schedule(true);
  }

  /**
   * The runtime has closed. A handle may still learn of an end another runtime commits while the
   * process lives on, but a wait no runtime will end must not keep the process from exiting.
   */
  detach(): void {
    this.detached = true;
    if (this.timer !== undefined) this.timer.unref();
  }

  /** How many executions are waited on. */
  get waited(): number {
    return this.waiting.size;
  }

  private schedule(now: boolean): void {
    if (this.polling) {
      this.soon ||= now;
      return;
    }
    if (this.timer !== undefined) {
      if (!now) return;
      clearTimeout(this.timer);
      this.settleTimer?.();
    }
    const polled = new Promise<void>((resolve) => {
      this.settleTimer = resolve;
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.settleTimer = undefined;
          void this.poll().finally(resolve);
        },
        now ? 0 : this.pollMs,
      );
      if (this.detached) this.timer.unref();
    });
    if (now) this.track?.(polled);
  }

  private async poll(): Promise<void> {
    this.polling = true;
    this.soon = false;
    const asked = [...this.waiting.keys()];
    try {
      for (let i = 0; i < asked.length; i += ARNS_PER_QUERY) {
        for (const row of await this.ended(asked.slice(i, i + ARNS_PER_QUERY))) this.settle(row);
      }
      this.failures = 0;
    } catch (error) {
      if (++this.failures >= FAILED_POLLS_TOLERATED) {
        this.failures = 0;
        for (const arn of asked) this.fail(arn, error);
      }
    } finally {
      this.polling = false;
    }
    if (this.waiting.size > 0) this.schedule(this.soon);
  }

  private async ended(arns: readonly string[]): Promise<StoredExecution[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreTimeoutError('a poll for ended executions', this.pollTimeoutMs)),
        this.pollTimeoutMs,
      );
      if (this.detached) timer.unref();
    });
    try {
      return await Promise.race([this.read(arns), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async read(arns: readonly string[]): Promise<StoredExecution[]> {
    if (this.store.endedAmong) {
      try {
        return await this.store.endedAmong(arns);
      } catch (error) {
        // One row that cannot be read must not fail every handle: each is read alone.
        if (!(error instanceof StoreCorruptionError)) throw error;
      }
    }
    const rows = await Promise.all(arns.map((arn) => this.readOne(arn)));
    return rows.filter((row): row is StoredExecution => row !== undefined && row.status !== 'RUNNING');
  }

  /** An execution's row; one that cannot be read fails the handles waiting on it, and only them. */
  private async readOne(arn: string): Promise<StoredExecution | undefined> {
    try {
      return await this.store.getExecution(arn);
    } catch (error) {
      if (!(error instanceof StoreCorruptionError)) throw error;
      this.fail(arn, error);
      return undefined;
    }
  }

  private settle(row: StoredExecution): void {
    const list = this.waiting.get(row.executionArn);
    if (!list) return;
    let result: ExecutionResult | undefined;
    try {
      result = resultOf(row);
    } catch (error) {
      this.fail(row.executionArn, error);
      return;
    }
    if (result === undefined) return;
    this.waiting.delete(row.executionArn);
    for (const waiter of list) waiter.resolve(result);
  }

  private forget(executionArn: string, waiter: Waiter): void {
    const list = this.waiting.get(executionArn);
    if (!list) return;
    const rest = list.filter((w) => w !== waiter);
    if (rest.length > 0) this.waiting.set(executionArn, rest);
    else this.waiting.delete(executionArn);
  }

  private fail(executionArn: string, error: unknown): void {
    const list = this.waiting.get(executionArn);
    if (!list) return;
    this.waiting.delete(executionArn);
    for (const waiter of list) waiter.reject(error);
  }
}
