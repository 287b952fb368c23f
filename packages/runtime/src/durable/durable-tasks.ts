import { ActivityDoesNotExistError } from '../activities/activity-errors';
import {
  ACTIVITY_POLL_SECONDS,
  type Activity,
  type ActivityTask,
  type GetActivityTaskOptions,
} from '../activities/activity-registry';
import { InvalidTokenError, TaskDoesNotExistError, TaskTimedOutError } from '../callbacks/callback-errors';
import { checkTaskFailure, outputJson } from '../callbacks/task-answer-checks';
import { executionArnOfToken } from '../callbacks/task-token-format';
import type { Clock } from '../clock/clock';
import { type Cancellable, setClockTimer } from '../clock/plain-timer';
import type { Runtime } from '../engine/runtime';
import type { DurableStore } from './durable-store';
import type { TaskAnswer, TaskSignalOutcome } from './stored-tasks';
import type { TaskSignals } from './task-signals';

/** How often a long poll looks at the store when nothing wakes it. */
const ACTIVITY_RECHECK_MS = 1000;
const ACTIVITY_ARN = /arn:aws[\w-]*:states:[^:"]*:\d*:activity:[^"\\]+/g;

export interface DurableTasksOptions {
  readonly store: DurableStore;
  readonly inner: Runtime;
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  readonly signals: TaskSignals;
  readonly isLive: (executionArn: string) => boolean;
  /** Resolves once what this runtime recorded so far is committed. */
  readonly flushed: () => Promise<void>;
  /** Told of a signal stored for an execution not running here (it may have to be woken). */
  readonly signalled: (executionArn: string) => void;
}

/**
 * Activities, activity tasks and task tokens of a durable runtime, through the store: a task is
 * handed to whichever worker polls any runtime on the store, and an answer sent to any runtime
 * reaches the one running the execution (at once when that is this one).
 */
export class DurableTasks {
  /** Activities created in the in-memory runtime that runs the executions. */
  private readonly known = new Set<string>();
  /** Definitions whose activities are all known. */
  private readonly checked = new Set<string>();
  private readonly pollers = new Map<string, Set<() => void>>();

  constructor(private readonly options: DurableTasksOptions) {}

  async createActivity(name: string): Promise<Activity> {
    const { store, inner, region, accountId, clock } = this.options;
    const activityArn = `arn:aws:states:${region}:${accountId}:activity:${name}`;
    const stored = await store.putActivity({ activityArn, name, createdAt: clock.now() });
    await inner.createActivity({ name });
    this.known.add(activityArn);
    return { activityArn, name, creationDate: new Date(stored.createdAt) };
  }

  /** Makes the activities a definition names (created by any runtime) known before it runs. */
  async ensureActivities(definitionId: string, definition: string): Promise<void> {
    if (this.checked.has(definitionId)) return;
    let missing = false;
    for (const activityArn of new Set(definition.match(ACTIVITY_ARN) ?? [])) {
      if (this.known.has(activityArn)) continue;
      const activity = await this.options.store.getActivity(activityArn);
      if (activity) {
        await this.options.inner.createActivity({ name: activity.name });
        this.known.add(activityArn);
      } else missing = true;
    }
    if (!missing) this.checked.add(definitionId);
  }

  /** Long-polls the store for a task of the activity, for up to 60 seconds. */
  async getActivityTask(
    activityArn: string,
    options: GetActivityTaskOptions = {},
  ): Promise<ActivityTask | undefined> {
    const { store, clock, signals, isLive } = this.options;
    if (!(await store.getActivity(activityArn))) throw new ActivityDoesNotExistError(activityArn);
    const deadline = clock.now() + ACTIVITY_POLL_SECONDS * 1000;
    for (;;) {
      const row = await store.takeActivityTask(activityArn, options.workerName);
      if (row) {
        // Running here: ActivityStarted is recorded and the heartbeat clock starts now.
        if (isLive(row.executionArn)) await signals.applyToken(row.token).catch(() => {});
        else this.options.signalled(row.executionArn);
        return { taskToken: row.token, input: JSON.parse(row.input ?? 'null') };
      }
      const left = deadline - clock.now();
      if (options.signal?.aborted || left <= 0) return undefined;
      await this.nextChance(activityArn, Math.min(left, ACTIVITY_RECHECK_MS), options.signal);
    }
  }

  /** A task of this activity was committed (here, or in another process that said so). */
  activityScheduled(activityArn: string): void {
    for (const wake of [...(this.pollers.get(activityArn) ?? [])]) wake();
  }

  async sendTaskSuccess(token: string, output: unknown): Promise<void> {
    return this.answer(token, { kind: 'SUCCESS', output: outputJson(token, output) });
  }

  async sendTaskFailure(token: string, error?: string, cause?: string): Promise<void> {
    checkTaskFailure(token, error, cause);
    return this.answer(token, { kind: 'FAILURE', error, cause });
  }

  /**
   * A heartbeat for a task running here goes straight to it; others go through the store, and an
   * execution that left memory wakes for it, or its heartbeat clock would run out while it sleeps.
   */
  async sendTaskHeartbeat(token: string): Promise<void> {
    const executionArn = this.executionOf(token);
    if (this.options.isLive(executionArn)) {
      try {
        return await this.options.inner.sendTaskHeartbeat(token);
      } catch (error) {
        if (!(error instanceof TaskDoesNotExistError)) throw error;
      }
    }
    const { store, clock } = this.options;
    refuse(await store.heartbeatTask(token, executionArn, clock.now()), token);
    if (!this.options.isLive(executionArn)) this.options.signalled(executionArn);
  }

  /**
   * The answer is stored first (it survives a crash), then applied if the task runs here. An
   * execution running here may not be committed yet (its handler answered at once): what it
   * recorded is committed before the answer is stored.
   */
  private async answer(token: string, answer: TaskAnswer): Promise<void> {
    const { store, isLive, flushed, signals } = this.options;
    const executionArn = this.executionOf(token);
    const wasLive = isLive(executionArn);
    if (wasLive) await flushed().catch(() => {});
    refuse(await store.answerTask(token, executionArn, answer), token);
    // Read back even if the execution ended meanwhile: its task may have timed out after the
    // answer was stored, which then came too late.
    if (wasLive || isLive(executionArn)) await signals.applyToken(token);
    if (!isLive(executionArn)) this.options.signalled(executionArn);
  }

  private executionOf(token: string): string {
    const executionArn = executionArnOfToken(token);
    if (executionArn === undefined) throw new InvalidTokenError(String(token));
    return executionArn;
  }

  private nextChance(activityArn: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const waiting = this.pollers.get(activityArn) ?? new Set<() => void>();
      this.pollers.set(activityArn, waiting);
      let timer: Cancellable | undefined;
      const wake = () => {
        waiting.delete(wake);
        if (waiting.size === 0) this.pollers.delete(activityArn);
        signal?.removeEventListener('abort', wake);
        timer?.cancel();
        resolve();
      };
      waiting.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
      timer = setClockTimer(this.options.clock, ms, wake);
    });
  }
}

function refuse(outcome: TaskSignalOutcome, token: string): void {
  if (outcome === 'UNKNOWN' || outcome === 'CLOSED') throw new TaskDoesNotExistError(token);
  if (outcome === 'TIMED_OUT') throw new TaskTimedOutError(token);
}
