import { TaskDoesNotExistError, TaskTimedOutError } from '../callbacks/callback-errors';
import type { TaskTokenRegistry } from '../callbacks/task-tokens';
import type { Runtime } from '../engine/runtime';
import type { AppliedTaskSignals } from './applied-signals';
import type { CommitQueue } from './commit-queue';
import type { DurableStore } from './durable-store';
import type { StoredTaskToken } from './stored-tasks';

/** What this process has delivered to a task of an execution it runs. */
interface Applied {
  readonly executionArn: string;
  taken: boolean;
  heartbeats: number;
  answered: boolean;
}

/**
 * Applies what the store holds for the tasks of executions running here: a worker taking an
 * activity task (ActivityStarted, and its heartbeat clock starts), heartbeats, and answers. Each is
 * applied once per process life; after a restart the resumed run gets them again. A signal that
 * arrives while its task is still being replayed waits until the task asks for its token.
 */
export class TaskSignals {
  private readonly applied = new Map<string, Applied>();
  /** Signals whose task is not waiting yet, with how often they were tried. */
  private readonly pending = new Map<string, StoredTaskToken>();
  private readonly tries = new Map<string, number>();
  /** Executions to sweep on the next turn, gathered from every resume of this one. */
  private gathering: string[] | undefined;

  constructor(
    private readonly store: DurableStore,
    private readonly inner: Runtime,
    private readonly isLive: (executionArn: string) => boolean,
    private readonly queue: CommitQueue,
    private readonly tokens: TaskTokenRegistry,
  ) {}

  /** Reads and applies the signals of these executions (those running here). */
  async sweep(executionArns: readonly string[]): Promise<void> {
    const live = executionArns.filter(this.isLive);
    if (live.length === 0) return;
    for (const row of await this.store.taskSignals(live)) await this.apply(row).catch(() => {});
  }

  /**
   * Sweeps this execution on the next turn, with every other asked for until then: executions
   * resumed together (a restart, a batch falling due) are read in one call, not one call each.
   */
  sweepSoon(executionArn: string): void {
    if (this.gathering) {
      this.gathering.push(executionArn);
      return;
    }
    const arns = [executionArn];
    this.gathering = arns;
    setImmediate(() => {
      this.gathering = undefined;
      void this.sweep(arns).catch(() => {});
    });
  }

  /**
   * Applies the stored signals of one token now. A task that timed out here is reported (its
   * answer came too late); one not waiting yet gets the answer when it does.
   */
  async applyToken(token: string): Promise<void> {
    const row = await this.store.getTaskToken(token);
    if (!row) return;
    // The task timed out here between the answer being stored and read back: it came too late.
    if (row.state === 'TIMED_OUT') throw new TaskTimedOutError(token);
    await this.apply(row).catch((error: unknown) => {
      if (error instanceof TaskTimedOutError) throw error;
    });
  }

  /**
   * A task was scheduled with this token (given as what makes it): a signal that was waiting for
   * it can be applied. Only then is the token made, since most tasks never have one waiting.
   */
  tokenIssued(token: () => string): void {
    if (this.pending.size === 0) return;
    const row = this.pending.get(token());
    if (row) setImmediate(() => void this.apply(row).catch(() => {}));
  }

  /** What was applied to the tasks of an execution running here (an unload tells the store). */
  appliedTo(executionArn: string): AppliedTaskSignals[] {
    const applied: AppliedTaskSignals[] = [];
    for (const [token, done] of this.applied) {
      if (done.executionArn === executionArn)
        applied.push({ token, taken: done.taken, heartbeats: done.heartbeats });
    }
    return applied;
  }

  /** The execution left this process: what was applied to it is forgotten. */
  forget(executionArn: string): void {
    for (const [token, applied] of this.applied) {
      if (applied.executionArn === executionArn) this.applied.delete(token);
    }
    for (const [token, row] of this.pending) {
      if (row.executionArn !== executionArn) continue;
      this.pending.delete(token);
      this.tries.delete(token);
    }
  }

  private async apply(row: StoredTaskToken): Promise<void> {
    this.pending.delete(row.token);
    if (!this.isLive(row.executionArn)) return;
    let done = this.applied.get(row.token);
    if (!done) {
      done = { executionArn: row.executionArn, taken: false, heartbeats: 0, answered: false };
      this.applied.set(row.token, done);
    }
    try {
      if (row.taken && !done.taken && row.activityArn !== undefined) {
        const options = { taskToken: row.token, workerName: row.workerName };
        if (!(await this.inner.getActivityTask(row.activityArn, options)))
          throw new TaskDoesNotExistError(row.token);
        done.taken = true;
        // A pick-up applied as the execution resumes replays ActivityStarted, which sets its clock
        // to that event's time until the next turn: a heartbeat counts from now, not from then.
        if (row.heartbeats > done.heartbeats) await new Promise((resolve) => setImmediate(resolve));
      }
      if (row.state === 'ANSWERED' && row.answer && !done.answered) {
        const answer = row.answer;
        if (answer.kind === 'SUCCESS') await this.inner.sendTaskSuccess(row.token, JSON.parse(answer.output));
        else await this.inner.sendTaskFailure(row.token, answer.error, answer.cause);
        done.answered = true;
      } else if (row.heartbeats > done.heartbeats) {
        // It counts from when it was sent (a row written before that time was kept has none).
        this.tokens.heartbeat(row.token, row.heartbeatAt);
        done.heartbeats = row.heartbeats;
      }
      this.tries.delete(row.token);
    } catch (error) {
      // Not waiting yet (its run is replaying): applied when the task asks for its token, or
      // when it is tried again a little later (it may have asked already and be about to wait).
      if (error instanceof TaskDoesNotExistError) this.retryLater(row);
      else if (error instanceof TaskTimedOutError) {
        this.queue.closeToken({ token: row.token, executionArn: row.executionArn, state: 'TIMED_OUT' });
      }
      throw error;
    }
  }

  private retryLater(row: StoredTaskToken): void {
    this.pending.set(row.token, row);
    const tries = (this.tries.get(row.token) ?? 0) + 1;
    this.tries.set(row.token, tries);
    if (tries > 30) return;
    const timer = setTimeout(
      () => {
        if (this.pending.get(row.token) === row) void this.apply(row).catch(() => {});
      },
      Math.min(1000, 5 * 2 ** tries),
    );
    timer.unref();
  }
}
