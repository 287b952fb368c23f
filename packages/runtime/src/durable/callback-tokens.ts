import type { HistoryEventType } from '../history/history-event';
import { laneOf } from '../history/history-recorder';
import type { CommitQueue } from './commit-queue';

/** The events that end a callback or activity task (what its token waits for). */
export const CALLBACK_OUTCOMES: ReadonlySet<HistoryEventType> = new Set([
  'TaskSucceeded',
  'TaskFailed',
  'TaskTimedOut',
  'ActivitySucceeded',
  'ActivityFailed',
  'ActivityTimedOut',
]);

/** The end of a state that runs branches or iterations, whose lanes lie under its own. */
const FORKS_ENDED = /^(Parallel|Map)State(Succeeded|Failed|Aborted)$/;

/**
 * The tokens of an execution's callback and activity tasks, for the store: opened in the commit
 * that records the task's scheduling, closed in the one that records its outcome. A task waits
 * on one lane, so its lane (the position without the sequence) links the two.
 */
export class CallbackTokens {
  /** Lane to the token of the callback task waiting on it (made on first use: most have none). */
  private waiting: Map<string, string> | undefined;

  constructor(
    private readonly executionArn: string,
    private readonly queue: CommitQueue,
  ) {}

  /** A new event: opens the token of a callback or activity task, or closes it with its outcome. */
  recorded(
    type: HistoryEventType,
    details: Readonly<Record<string, unknown>> | undefined,
    position: string,
    time: number,
    tokenAt: (position: string) => string,
  ): void {
    if (isCallbackScheduled(type, details)) {
      const token = tokenAt(position);
      this.waitOn(position, token);
      const activity = type === 'ActivityScheduled';
      this.queue.openToken({
        token,
        executionArn: this.executionArn,
        activityArn: activity ? String(details?.resource) : undefined,
        input: activity && typeof details?.input === 'string' ? details.input : undefined,
        scheduledAt: time,
      });
      return;
    }
    if (this.waiting === undefined) return;
    if (FORKS_ENDED.test(type)) {
      this.cancelWithin(laneOf(position));
      return;
    }
    if (!CALLBACK_OUTCOMES.has(type)) return;
    const lane = laneOf(position);
    const token = this.waiting.get(lane);
    if (token === undefined) return;
    this.waiting.delete(lane);
    const state = type.endsWith('TimedOut') ? 'TIMED_OUT' : 'CLOSED';
    this.queue.closeToken({ token, executionArn: this.executionArn, state });
  }

  /**
   * A Parallel or Map in `lane` ended: a task still waiting in one of its branches or iterations
   * (cancelled when a sibling failed) records no outcome, and its token is closed as the in-memory
   * runtime withdraws it: its activity task is handed to no worker, and an answer to it is refused
   * as too late.
   */
  private cancelWithin(lane: string): void {
    for (const [waitingLane, token] of this.waiting ?? []) {
      if (!waitingLane.startsWith(`${lane}/`)) continue;
      this.waiting?.delete(waitingLane);
      this.queue.closeToken({ token, executionArn: this.executionArn, state: 'TIMED_OUT' });
    }
  }

  /** The tokens its callback and activity tasks wait on now. */
  open(): string[] {
    return this.waiting ? [...this.waiting.values()] : [];
  }

  /** A callback task resumed from the record: its token was opened before the restart. */
  resumed(position: string, token: string): void {
    this.waitOn(position, token);
  }

  private waitOn(position: string, token: string): void {
    this.waiting ??= new Map();
    this.waiting.set(laneOf(position), token);
  }
}

/** A scheduling event of a task that waits on its token. */
export function isCallbackScheduled(
  type: HistoryEventType,
  details: Readonly<Record<string, unknown>> | undefined,
): boolean {
  if (type === 'ActivityScheduled') return true;
  return type === 'TaskScheduled' && String(details?.resource).endsWith('.waitForTaskToken');
}
