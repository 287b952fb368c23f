import type { AbandonableCall, Clock } from '../clock/clock';
import { type Cancellable, PLAIN_TIMER, setClockTimer, type WithPlainTimer } from '../clock/plain-timer';

/** Where a durable execution's pending timers are written (the store's timer rows). */
export interface TimerSink {
  set(timerId: string, due: number): void;
  clear(timerId: string): void;
}

export interface ReplayClock extends Clock {
  /**
   * While a resumed execution re-runs recorded steps, "now" is the time of the recorded event it
   * has just matched, so waits, back-offs and timeouts computed from it keep their original due
   * times. `undefined` returns to the base clock.
   */
  replayAt(time: number | undefined): void;
}

/**
 * A per-execution clock over the runtime's clock. A timer due in the past fires at once, which is
 * how a Wait that fell due while the process was down completes as soon as it resumes.
 *
 * `kept`: the due times of the timer rows the store held when the execution resumed. A
 * heartbeat clock is reset by heartbeats, which the history does not record: replayed, it would
 * restart from the task's start and could run out at once. A named timer set again is due no
 * earlier than the row of its name (numbered rows are never looked up): a deadline committed
 * before the restart came from a heartbeat, and no heartbeat applied later moves it back.
 */
export function createReplayClock(
  base: Clock,
  timers: TimerSink,
  kept?: ReadonlyMap<string, number>,
): ReplayClock {
  return new ExecutionClock(base, timers, kept && new Map(kept));
}

/** A class: every running execution holds one, and its methods are then shared, not closures. */
class ExecutionClock implements ReplayClock, WithPlainTimer {
  private replayTime: number | undefined;
  private resetScheduled = false;
  private nextTimer = 0;

  constructor(
    private readonly base: Clock,
    private readonly timers: TimerSink,
    private readonly kept: Map<string, number> | undefined,
  ) {}

  /** A field, not a method: callers may hand `clock.now` on by itself. */
  readonly now = (): number => this.replayTime ?? this.base.now();

  replayAt(time: number | undefined): void {
    this.replayTime = time;
    // Replayed steps run in one burst of promise callbacks; afterwards time is real again.
    if (time !== undefined && !this.resetScheduled) {
      this.resetScheduled = true;
      setImmediate(() => {
        this.resetScheduled = false;
        this.replayTime = undefined;
      });
    }
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const due = this.now() + Math.max(0, ms);
    const timerId = this.timerSet(due);
    const sleeping = this.base.sleep(Math.max(0, due - this.base.now()), signal);
    const done = () => this.timers.clear(timerId);
    sleeping.then(done, done);
    return sleeping;
  }

  [PLAIN_TIMER](ms: number, fire: () => void, key?: string): Cancellable {
    let due = this.now() + Math.max(0, ms);
    const kept = key === undefined ? undefined : this.kept?.get(key);
    if (kept !== undefined) due = Math.max(due, kept);
    return new RowTimer(this.base, due, this.timerSet(due, key), this.timers, fire);
  }

  track<T>(work: Promise<T>, call?: AbandonableCall): Promise<T> {
    return this.base.track(work, call);
  }

  /** Named timers keep their name as their row's id; the others are numbered. */
  private timerSet(due: number, key?: string): string {
    const timerId = key ?? String(++this.nextTimer);
    this.timers.set(timerId, due);
    return timerId;
  }
}

/** A plain timer whose row is cleared when it fires or is cancelled, whichever comes first. */
class RowTimer implements Cancellable {
  private live = true;
  private readonly inner: Cancellable;

  constructor(
    private readonly base: Clock,
    private readonly due: number,
    private readonly timerId: string,
    private readonly timers: TimerSink,
    fire: () => void,
  ) {
    this.inner = setClockTimer(base, Math.max(0, due - base.now()), () => {
      if (this.end()) fire();
    });
  }

  cancel(): void {
    if (this.end()) this.inner.cancel();
  }

  overdue(): boolean {
    return this.live && this.due <= this.base.now();
  }

  private end(): boolean {
    if (!this.live) return false;
    this.live = false;
    this.timers.clear(this.timerId);
    return true;
  }
}
