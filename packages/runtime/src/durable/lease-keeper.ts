import type { Clock } from '../clock/clock';
import type { DurableStore } from './durable-store';

export interface LeaseKeeperOptions {
  readonly store: DurableStore;
  readonly owner: string;
  readonly leaseMs: number;
  readonly clock: Clock;
  readonly liveArns: () => string[];
  /** Executions whose lease was lost: they stop running here. */
  readonly lost: (executionArns: readonly string[]) => void;
  /** Runs after each renewal (a notice can be missed: task signals are looked for here too). */
  readonly afterRenewal: (executionArns: readonly string[]) => Promise<void>;
}

/**
 * How many renewals may wait on the database at once: a slow one is not waited for before the
 * next is sent (its confirmation would come too late), but a database that stopped answering is
 * not sent one more each time.
 */
const RENEWALS_IN_FLIGHT = 3;

/**
 * Renews the leases of a shared store's executions every third of `leaseMs` while any run here. A
 * lease that has run out unconfirmed is let go, once the database has also not answered a renewal
 * for two renewal intervals: another runtime may hold it by then, and this one must not go on
 * calling its tasks. Leases are counted in the runtime's clock, as the store counts them; the
 * intervals let a database that answers renew a lease a virtual clock has jumped past.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | undefined;
  /** Until when each lease held here is known to be ours: its claim, or its last confirmed renewal. */
  private readonly until = new Map<string, number>();
  private renewing = 0;
  /** Renewal intervals in a row in which renewals were sent and none was answered. */
  private unanswered = 0;
  /** Since the last interval: whether a renewal was sent, and whether the database answered one. */
  private sent = false;
  private answered = false;

  constructor(private readonly options: LeaseKeeperOptions) {}

  start(): void {
    if (!this.options.store.shared || this.timer) return;
    this.timer = setInterval(() => void this.renew(), this.options.leaseMs / 3);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    const { store, owner, leaseMs, clock, liveArns, lost, afterRenewal } = this.options;
    const arns = liveArns();
    const now = clock.now();
    const held = new Set(arns);
    for (const arn of this.until.keys()) if (!held.has(arn)) this.until.delete(arn);
    // First seen now: claimed (or started) up to a renewal interval ago.
    for (const arn of arns) if (!this.until.has(arn)) this.until.set(arn, now + (leaseMs * 2) / 3);
    if (this.answered) this.unanswered = 0;
    // Renewals waiting count too: with all of them waiting, none more is sent.
    else if (this.sent || this.renewing > 0) this.unanswered++;
    this.sent = false;
    this.answered = false;
    if (this.unanswered >= 2) {
      const expired = arns.filter((arn) => (this.until.get(arn) as number) <= now);
      for (const arn of expired) this.until.delete(arn);
      if (expired.length > 0) lost(expired);
    }
    const kept = arns.filter((arn) => this.until.has(arn));
    if (this.renewing >= RENEWALS_IN_FLIGHT || kept.length === 0) return;
    this.renewing++;
    this.sent = true;
    try {
      const taken = new Set(await store.renew(owner, kept, leaseMs, now));
      this.answered = true;
      lost([...taken]);
      for (const arn of kept) {
        const until = this.until.get(arn);
        if (!taken.has(arn) && until !== undefined) this.until.set(arn, Math.max(until, now + leaseMs));
      }
      await afterRenewal(liveArns());
    } catch {
      // The database is unreachable: the lease expires and another runtime resumes the work.
    } finally {
      this.renewing--;
    }
  }

  /** Renews these leases now and returns those another runtime has taken. */
  async check(executionArns: readonly string[]): Promise<string[]> {
    const { store, owner, leaseMs, clock } = this.options;
    try {
      return await store.renew(owner, executionArns, leaseMs, clock.now());
    } catch {
      // Unreachable: the next renewal finds out.
      return [];
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.until.clear();
  }
}
