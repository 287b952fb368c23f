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

/** Renews the leases of a shared store's executions every third of `leaseMs` while any run here. */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: LeaseKeeperOptions) {}

  start(): void {
    const { store, owner, leaseMs, clock, liveArns, lost, afterRenewal } = this.options;
    if (!store.shared || this.timer) return;
    this.timer = setInterval(async () => {
      const arns = liveArns();
      if (arns.length === 0) return;
      try {
        lost(await store.renew(owner, arns, leaseMs, clock.now()));
        await afterRenewal(liveArns());
      } catch {
        // The database is unreachable: the lease expires and another runtime resumes the work.
      }
    }, leaseMs / 3);
    this.timer.unref();
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
  }
}
