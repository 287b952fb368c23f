import type { Clock } from '../clock/clock';
import { type Cancellable, setClockTimer } from '../clock/plain-timer';

/** setTimeout fires at once for delays beyond 2^31-1 ms, so longer sleeps are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One execution's deadline; `cancel` once the execution has ended. */
export interface Deadline {
  cancel(): void;
}

class Entry implements Deadline {
  live = true;

  constructor(
    readonly queue: DeadlineQueue,
    readonly due: number,
    readonly expire: () => void,
  ) {}

  cancel(): void {
    if (!this.live) return;
    this.live = false;
    this.queue.cancelled();
  }
}

/**
 * Deadlines of many executions served by one timer on the clock, for AWS's ceiling on an
 * execution's duration. Starting an execution then costs one small entry rather than a timer
 * each. Deadlines are kept in due order; a cancelled one stays until the timer reaches it, and the
 * timer itself is cancelled once no deadline is live, so a virtual clock is not pulled ahead by
 * executions that have already ended (one execution at a time, that is a timer per execution: a
 * plain one, see setClockTimer).
 */
export class DeadlineQueue {
  private readonly entries: Entry[] = [];
  private head = 0;
  private live = 0;
  private timer: Cancellable | undefined;
  private timerDue = Number.POSITIVE_INFINITY;

  constructor(private readonly clock: Clock) {}

  /** Calls `expire` once `ms` have passed on the clock, unless the deadline is cancelled first. */
  add(ms: number, expire: () => void): Deadline {
    const entry = new Entry(this, this.clock.now() + ms, expire);
    this.insert(entry);
    this.live++;
    if (entry.due < this.timerDue) this.arm();
    return entry;
  }

  /** Called by an entry when it is cancelled. */
  cancelled(): void {
    this.live--;
    if (this.live > 0) return;
    // Nothing left to time out: drop the timer and the cancelled entries.
    this.timer?.cancel();
    this.timer = undefined;
    this.timerDue = Number.POSITIVE_INFINITY;
    this.entries.length = 0;
    this.head = 0;
  }

  /** Keeps entries in due order; the clock only moves forward, so this nearly always appends. */
  private insert(entry: Entry): void {
    let at = this.entries.length;
    while (at > this.head && (this.entries[at - 1] as Entry).due > entry.due) at--;
    if (at === this.entries.length) this.entries.push(entry);
    else this.entries.splice(at, 0, entry);
  }

  /** Sets the one timer for the earliest entry still waiting. */
  private arm(): void {
    const next = this.entries[this.head];
    if (next === undefined) return;
    this.timer?.cancel();
    this.timerDue = next.due;
    const ms = Math.min(Math.max(0, next.due - this.clock.now()), MAX_TIMER_MS);
    const timer = setClockTimer(this.clock, ms, () => {
      if (this.timer !== timer) return;
      this.timer = undefined;
      this.timerDue = Number.POSITIVE_INFINITY;
      this.fireDue();
    });
    this.timer = timer;
  }

  /** Expires every live entry whose time has come, then waits for the next one. */
  private fireDue(): void {
    const now = this.clock.now();
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head] as Entry;
      if (entry.live && entry.due > now) break;
      this.head++;
      if (entry.live) {
        entry.live = false;
        this.live--;
        entry.expire();
      }
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
    if (this.live > 0) this.arm();
    else {
      this.entries.length = 0;
      this.head = 0;
    }
  }
}
