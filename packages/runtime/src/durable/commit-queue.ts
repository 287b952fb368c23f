import type { Clock } from '../clock/clock';
import type { CommitBatch, DurableStore, StoredEvent, StoredExecution, StoredTimer } from './durable-store';
import type { ClosedTaskToken, OpenedTaskToken } from './stored-tasks';

interface Pending {
  executions: StoredExecution[];
  events: StoredEvent[];
  timersSet: Map<string, StoredTimer>;
  timersCleared: Map<string, Pick<StoredTimer, 'executionArn' | 'timerId'>>;
  tokensOpened: OpenedTaskToken[];
  tokensClosed: ClosedTaskToken[];
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

export interface CommitQueueOptions {
  readonly store: DurableStore;
  /** Set for a shared store: commits are fenced by this owner's leases. */
  readonly owner: string | undefined;
  /** Executions whose events were refused (lease lost) or whose commit failed for good. */
  readonly onRefused: (executionArns: readonly string[], error: unknown) => void;
  /** Told of each batch once it is committed. */
  readonly onCommitted?: (batch: CommitBatch) => void;
  /**
   * Told of each commit from the moment it is scheduled until it settles: a virtual clock must not
   * skip ahead to the next timer while executions wait for their transitions to be committed.
   */
  readonly clock?: Pick<Clock, 'track'>;
}

/**
 * How long a commit may wait for the executions that are moving to stop recording. A commit costs
 * the same whatever it carries (a transaction, an fsync or a round trip to the database), so the
 * first one waits for a turn of the event loop in which nothing was recorded: an execution whose
 * tasks answer at once commits its whole run in one, rather than a commit every few transitions.
 */
const QUIET_WAIT_MS = 1;

// Taken when the module loads: a test's fake clock must not hold a commit back.
const realNow = performance.now.bind(performance);

/**
 * Group commit. Everything recorded until a turn of the event loop records nothing (or for at most
 * QUIET_WAIT_MS) is written in one transaction; while a commit is in flight the next batch gathers
 * and goes as soon as it lands, so a slow disk or network means bigger batches rather than a longer
 * queue of commits.
 */
export class CommitQueue {
  private pending = empty();
  private scheduled = false;
  private inFlight = false;
  /** How many times something was queued: a turn that leaves it unchanged recorded nothing. */
  private queued = 0;

  constructor(private readonly options: CommitQueueOptions) {}

  addExecution(row: StoredExecution): void {
    this.pending.executions.push(row);
    this.schedule();
  }

  addEvent(event: StoredEvent): void {
    this.pending.events.push(event);
    this.schedule();
  }

  setTimer(timer: StoredTimer): void {
    const key = `${timer.executionArn}\n${timer.timerId}`;
    // Stores write a batch's timers before they clear: a named timer (see PlainTimer) cleared
    // and set again within one batch is only set, which replaces its row.
    this.pending.timersCleared.delete(key);
    this.pending.timersSet.set(key, timer);
    this.schedule();
  }

  clearTimer(executionArn: string, timerId: string): void {
    const key = `${executionArn}\n${timerId}`;
    // A timer set and cleared within one batch never needs to reach the store.
    if (!this.pending.timersSet.delete(key)) {
      this.pending.timersCleared.set(key, { executionArn, timerId });
      this.schedule();
    }
  }

  openToken(token: OpenedTaskToken): void {
    this.pending.tokensOpened.push(token);
    this.schedule();
  }

  closeToken(token: ClosedTaskToken): void {
    this.pending.tokensClosed.push(token);
    this.schedule();
  }

  /** Resolves once everything queued so far is committed. */
  flushed(): Promise<void> {
    if (isEmpty(this.pending) && !this.inFlight) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    this.queued++;
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    const since = realNow();
    let seen = this.queued;
    const drained = new Promise<void>((resolve) => {
      const whenQuiet = () => {
        if (this.queued !== seen && realNow() - since < QUIET_WAIT_MS) {
          seen = this.queued;
          setImmediate(whenQuiet);
          return;
        }
        this.scheduled = false;
        this.drain().then(resolve, resolve);
      };
      setImmediate(whenQuiet);
    });
    if (this.options.clock) void this.options.clock.track(drained);
  }

  private async drain(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      while (!isEmpty(this.pending) || this.pending.waiters.length > 0) {
        const taken = this.pending;
        this.pending = empty();
        await this.write(taken);
      }
    } finally {
      this.inFlight = false;
    }
  }

  private async write(taken: Pending): Promise<void> {
    const batch: CommitBatch = {
      executions: taken.executions,
      events: taken.events,
      timersSet: [...taken.timersSet.values()],
      timersCleared: [...taken.timersCleared.values()],
      tokensOpened: taken.tokensOpened,
      tokensClosed: taken.tokensClosed,
      owner: this.options.owner,
    };
    try {
      if (!isEmpty(taken)) {
        const result = await this.options.store.commit(batch);
        if (result.fenced.length > 0) this.options.onRefused(result.fenced, undefined);
        this.options.onCommitted?.(batch);
      }
      for (const waiter of taken.waiters) waiter.resolve();
    } catch (error) {
      const arns = new Set([...batch.executions, ...batch.events].map((row) => row.executionArn));
      // What these executions recorded while the failed commit was in flight must not land after
      // a hole in their histories: they resume from what the store holds.
      this.pending = without(this.pending, arns);
      this.options.onRefused([...arns], error);
      for (const waiter of taken.waiters) waiter.reject(error);
    }
  }
}

function empty(): Pending {
  return {
    executions: [],
    events: [],
    timersSet: new Map(),
    timersCleared: new Map(),
    tokensOpened: [],
    tokensClosed: [],
    waiters: [],
  };
}

function isEmpty(p: Pending): boolean {
  return (
    p.executions.length === 0 &&
    p.events.length === 0 &&
    p.timersSet.size === 0 &&
    p.timersCleared.size === 0 &&
    p.tokensOpened.length === 0 &&
    p.tokensClosed.length === 0
  );
}

/** The pending rows of every execution but `arns` (the waiters stay). */
function without(p: Pending, arns: ReadonlySet<string>): Pending {
  const keep = (row: { readonly executionArn: string }) => !arns.has(row.executionArn);
  return {
    executions: p.executions.filter(keep),
    events: p.events.filter(keep),
    timersSet: new Map([...p.timersSet].filter(([, timer]) => keep(timer))),
    timersCleared: new Map([...p.timersCleared].filter(([, timer]) => keep(timer))),
    tokensOpened: p.tokensOpened.filter(keep),
    tokensClosed: p.tokensClosed.filter(keep),
    waiters: p.waiters,
  };
}
