import type { HistoryEventType } from '../history/history-event';
import { laneOf } from '../history/history-recorder';
import { CALLBACK_OUTCOMES, isCallbackScheduled } from './callback-tokens';

/**
 * Events that end a lane's busy spell: a task's outcome or the end of a Map run (a callback
 * task's `TaskSubmitted`, and an activity's scheduling, end it too).
 */
const BUSY_ENDS: ReadonlySet<HistoryEventType> = new Set([
  ...CALLBACK_OUTCOMES,
  'LambdaFunctionSucceeded',
  'LambdaFunctionFailed',
  'LambdaFunctionTimedOut',
  'MapRunSucceeded',
  'MapRunFailed',
  'MapRunAborted',
]);

/**
 * Whether a durable execution only waits: no task handler is running (a callback or activity task
 * waits on its token, which reaches it through the store), no distributed Map run is in flight,
 * and nothing has been recorded for a while. Such an execution can leave memory until its next
 * timer is due or a task signal arrives; it is replayed from its history then.
 */
export class IdleTracker {
  /** Lanes with a task handler or a Map run in flight. */
  private readonly busy = new Set<string>();
  /**
   * Lanes whose callback task (`.waitForTaskToken`) is being submitted: its handler, which sends
   * the token out, runs until `TaskSubmitted`, and only then does the task wait on its token.
   */
  private readonly submitting = new Set<string>();
  private readonly timers = new Map<string, number>();
  private lastActive: number;
  /** Calls in flight that are not tasks (an item reader's, a result writer's). */
  private calls = 0;
  /** Counts what happened (events, task starts), so a caller can tell whether anything moved. */
  moves = 0;

  constructor(private readonly now: () => number) {
    this.lastActive = now();
  }

  /** A task attempt begins at `position` (it asked for its token). */
  taskStarted(position: string): void {
    this.touch();
    this.busy.add(laneOf(position));
  }

  /**
   * An event recorded (at `time`, which spares reading the clock again), or matched again while the
   * execution resumes (its recorded time is from before the restart: now counts).
   */
  event(
    type: HistoryEventType,
    details: Readonly<Record<string, unknown>> | undefined,
    position: string | undefined,
    time?: number,
  ): void {
    this.touch(time);
    if (position === undefined || position.startsWith('~') || position.startsWith('#')) return;
    if (type === 'MapRunStarted') this.busy.add(laneOf(position));
    // An activity task runs in a worker elsewhere: it only waits from its scheduling on.
    else if (type === 'ActivityScheduled') this.busy.delete(laneOf(position));
    else if (isCallbackScheduled(type, details)) this.submitting.add(laneOf(position));
    else if (type === 'TaskSubmitted') {
      const lane = laneOf(position);
      if (this.submitting.delete(lane)) this.busy.delete(lane);
    } else if (BUSY_ENDS.has(type)) {
      const lane = laneOf(position);
      this.submitting.delete(lane);
      this.busy.delete(lane);
    }
  }

  /**
   * A timer set counts as a move: most come with an event, and a task's heartbeat clock is set
   * again by each heartbeat, so an execution whose worker keeps beating stays in memory rather
   * than being replayed for every heartbeat.
   */
  timerSet(timerId: string, due: number): void {
    this.touch();
    this.timers.set(timerId, due);
  }

  timerCleared(timerId: string): void {
    this.timers.delete(timerId);
  }

  /** Counts the execution as running until `work` settles. */
  busyWhile<T>(work: Promise<T>): Promise<T> {
    this.touch();
    this.calls++;
    const settled = () => {
      this.calls--;
      this.touch();
    };
    work.then(settled, settled);
    return work;
  }

  /** How long the execution has only been waiting; 0 while anything runs. */
  idleFor(now: number): number {
    return this.busy.size > 0 || this.calls > 0 ? 0 : now - this.lastActive;
  }

  /** When its earliest timer is due, if it has one. */
  nextDue(): number | undefined {
    let earliest: number | undefined;
    for (const due of this.timers.values()) if (earliest === undefined || due < earliest) earliest = due;
    return earliest;
  }

  private touch(time = this.now()): void {
    this.moves++;
    this.lastActive = time;
  }
}
