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
 * Renews the leases of a shared store's executions every third of `leaseMs` while any run here. A
 * lease the store has not confirmed in time is let go, whether the renewal failed or is still
 * waiting on a database that stopped answering: another runtime may hold it by then, and this one
 * must not go on calling its tasks.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | undefined;
  /** Until when each lease held here is known to be ours: its claim or last confirmed renewal. */
  private readonly until = new Map<string, number>();
  private renewing = false;

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
    const expired = arns.filter((arn) => (this.until.get(arn) as number) <= now);
    if (expired.length > 0) {
      for (const arn of expired) this.until.delete(arn);
      lost(expired);
    }
    const kept = arns.filter((arn) => this.until.has(arn));
    if (this.renewing || kept.length === 0) return;
    this.renewing = true;
    try {
      const taken = new Set(await store.renew(owner, kept, leaseMs, now));
      lost([...taken]);
      for (const arn of kept) if (!taken.has(arn) && this.until.has(arn)) this.until.set(arn, now + leaseMs);
      await afterRenewal(liveArns());
    } catch {
      // The database is unreachable: the lease expires and another runtime resumes the work.
    } finally {
      this.renewing = false;
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
