import type { Clock } from '../clock/clock';
import { type Cancellable, setClockTimer } from '../clock/plain-timer';
import { MAX_DURATION_SECONDS } from '../machines/execution-limits';
import type { AppliedTaskSignals } from './applied-signals';
import type { DurableJournal } from './durable-journal';
import type { DurableStore, StoredExecution } from './durable-store';
import type { LiveExecutions } from './live-executions';

/** Long sleeps are taken in pieces, so a clock change cannot make the runtime oversleep much. */
const LONGEST_SLEEP = 3600 * 1000;
const WAKE_BATCH = 256;
/** How soon the runtime looks again while an execution it saw due is still unclaimed. */
const RELOOK_MS = 50;
/**
 * How long it waits at most between looks while due executions are left to workers that have no
 * room: a child awaited here that falls due meanwhile is woken within that time.
 */
const LONGEST_RELOOK_MS = 1000;

export interface UnloaderOptions {
  readonly store: DurableStore;
  readonly owner: string;
  readonly leaseMs: number;
  readonly clock: Clock;
  readonly unloadAfterMs: number;
  readonly lives: LiveExecutions;
  /** Resolves once everything recorded so far is committed. */
  readonly flushed: () => Promise<void>;
  /** What the execution was given of its tasks' stored signals, told to the store on unload. */
  readonly applied: (executionArn: string) => readonly AppliedTaskSignals[];
  /**
   * The only executions to wake, when not every due one. A runtime with workers wakes just the
   * children its executions wait on: the rest is for the workers to claim within their
   * concurrency, and anything a draining worker's runtime took would be handed back mid-step.
   */
  readonly wakeOnly?: () => readonly string[] | undefined;
  /**
   * Told after a wake that `wakeOnly` narrowed, when an execution is still due (the earliest at
   * `due`): it is left to the workers' claims.
   */
  readonly leftToWorkers?: (due: number) => void;
}

/**
 * Lets executions that only wait leave memory, and brings them back. An execution idle for
 * `unloadAfterMs` whose next timer is at least that far off is committed, stopped here and given
 * back to the store with a wake time; the earliest wake time is slept on, and due executions are
 * claimed and replayed. A task signal (an answer, a worker taking its activity task) makes an
 * unloaded execution due at once.
 */
export class Unloader {
  private checker: NodeJS.Timeout | undefined;
  private sleeping: { readonly at: number; readonly timer: Cancellable } | undefined;
  private waking: Promise<void> | undefined;
  private again = false;
  private relookMs = RELOOK_MS;
  private checking = false;
  private closed = false;
  /** Whether this runtime has let any execution go (only then do wake notices concern it). */
  unloadedAny = false;

  constructor(private readonly options: UnloaderOptions) {}

  /** Starts looking for idle executions (once one runs here). */
  watch(): void {
    const { unloadAfterMs } = this.options;
    if (this.checker || this.closed || !Number.isFinite(unloadAfterMs)) return;
    const every = Math.min(5000, Math.max(20, unloadAfterMs / 2));
    this.checker = setInterval(() => void this.check(), every);
    this.checker.unref();
  }

  /** Sleeps until `at` (if earlier than the wake already planned), then wakes what is due. */
  wakeAt(at: number | undefined): void {
    if (at === undefined || this.closed || (this.sleeping && this.sleeping.at <= at)) return;
    this.sleeping?.timer.cancel();
    const { clock } = this.options;
    const timer = setClockTimer(clock, Math.min(LONGEST_SLEEP, Math.max(0, at - clock.now())), () => {
      if (this.sleeping?.timer === timer) this.sleeping = undefined;
      void this.wakeDue();
    });
    this.sleeping = { at, timer };
  }

  /** Claims the unloaded executions that are due and resumes them here. */
  wakeDue(): Promise<void> {
    if (this.waking) {
      this.again = true;
      return this.waking;
    }
    this.waking = this.wakeAll().finally(() => {
      this.waking = undefined;
    });
    return this.waking;
  }

  /** Settles once the wake under way, if any, has claimed and resumed what it took. */
  settled(): Promise<void> {
    return this.waking ?? Promise.resolve();
  }

  close(): void {
    this.closed = true;
    if (this.checker) clearInterval(this.checker);
    this.sleeping?.timer.cancel();
  }

  private async wakeAll(): Promise<void> {
    const { store, owner, leaseMs, clock, lives } = this.options;
    let narrowed = false;
    try {
      do {
        this.again = false;
        const among = this.options.wakeOnly?.();
        narrowed ||= among !== undefined;
        if (among?.length === 0) break;
        const rows = await lives.claim({
          owner,
          limit: WAKE_BATCH,
          leaseMs,
          now: clock.now(),
          wokenOnly: true,
          ...(among && { among }),
        });
        await lives.resumeAll(rows);
        if (rows.length === WAKE_BATCH) this.again = true;
      } while (this.again && !this.closed);
      const next = await store.nextWake();
      const now = clock.now();
      if (narrowed && next !== undefined && next <= now) {
        this.options.leftToWorkers?.(next);
        // The workers claim it as they have room, which may take long: the looks, which are for
        // the children awaited here, grow further apart meanwhile.
        this.relookMs = Math.min(this.relookMs * 2, LONGEST_RELOOK_MS);
      } else {
        this.relookMs = RELOOK_MS;
      }
      // One still due was being claimed by another runtime, or is left to the workers: look again
      // shortly, not at once.
      if (next !== undefined) this.wakeAt(Math.max(next, now + this.relookMs));
    } catch {
      // The store is unreachable: try again a little later.
      this.wakeAt(clock.now() + 1000);
    }
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const { clock, unloadAfterMs, lives } = this.options;
      const now = clock.now();
      for (const [arn, entry] of lives.live) {
        const { idle } = entry.journal;
        if (idle.idleFor(now) < unloadAfterMs) continue;
        if (wakeTime(entry.journal) - now < unloadAfterMs) continue;
        await this.unload(arn, idle.moves);
      }
    } finally {
      this.checking = false;
    }
  }

  private async unload(arn: string, moves: number): Promise<void> {
    const { store, owner, lives, flushed } = this.options;
    await flushed().catch(() => {});
    const entry = lives.live.get(arn);
    // Anything recorded meanwhile (an answer arrived) keeps it here.
    if (!entry || entry.journal.idle.moves !== moves || this.closed) return;
    const wakeAt = wakeTime(entry.journal);
    // Read before it is let go, which forgets it: a signal stored since keeps it running.
    const applied = this.options.applied(arn);
    lives.abandon([arn], 'The execution only waits: it leaves memory until it is due.');
    // Undefined: the store failed, and may have stored the unload all the same (only the answer
    // was lost). Its wake time is watched then too.
    const unloaded = await store.unload(owner, arn, wakeAt, applied).catch(() => undefined);
    if (unloaded !== false) {
      this.unloadedAny = true;
      this.wakeAt(wakeAt);
    }
    if (unloaded) return;
    // A signal arrived meanwhile, or the store failed: it runs on here if the lease is still ours.
    let row: StoredExecution | undefined;
    try {
      row = await store.getExecution(arn);
    } catch {
      // Let go here, and maybe unloaded or not: handed back as a failed resume is.
      lives.resumeLater([arn]);
      return;
    }
    if (row?.owner === owner || (row !== undefined && !store.shared)) await lives.resumeArns([arn]);
  }
}

/**
 * Its earliest timer, or its duration limit (AWS's year) if that comes first: the limit has no
 * timer row of its own, and an execution waiting past it (a Wait until a later year, a callback)
 * times out at the limit, as it would have in memory.
 */
function wakeTime(journal: DurableJournal): number {
  const limit = journal.startTime + MAX_DURATION_SECONDS.STANDARD * 1000;
  return Math.min(journal.idle.nextDue() ?? limit, limit);
}
