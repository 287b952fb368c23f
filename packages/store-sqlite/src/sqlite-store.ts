import type {
  AppliedTaskSignals,
  ClaimedExecution,
  ClaimRequest,
  CommitBatch,
  CommitResult,
  DurableStatus,
  DurableStore,
  StoredActivity,
  StoredAlias,
  StoredEvent,
  StoredExecution,
  StoredStateMachine,
  StoredTaskToken,
  StoredTimer,
  StoredVersion,
  StoreNotice,
  TaskAnswer,
  TaskSignalOutcome,
} from '@stepwise/runtime';
import type { CoreChannel } from './core-api';
import { type EncodedBatch, encodeBatch } from './encoded-batch';
import { InlineCore } from './inline-core';
import { type ClaimedRow, decodeClaimed } from './messages';
import { spinMicrosOf } from './next-call';
import { SqliteCore } from './sqlite-core';
import { checkSynchronous } from './synchronous-option';
import { SqliteThread, startWorker } from './thread-client';
import { usableCpus } from './usable-cpus';

export interface SqliteStoreOptions {
  /** The database file (created if missing). */
  readonly filename: string;
  /**
   * `FULL` (default): every commit reaches the disk before it returns, so a power cut loses
   * nothing. `NORMAL`: in WAL mode a power cut (not a process crash) may lose the last commits.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /**
   * `true` (default): the connection lives on a writer thread, so the engine computes the next
   * transitions while a commit is written and synced; a file that cannot be opened fails `init()`.
   * `false`: the store runs on the calling thread, each call blocking it until SQLite returns, as
   * a bundled app that does not ship `sqlite-thread.js` beside this module needs.
   */
  readonly thread?: boolean;
  /**
   * With the writer thread: how many microseconds the thread keeps checking for the next call
   * after answering one before it sleeps, and the caller's event loop keeps turning after posting
   * one (default 100 where the process may use two CPUs or more, counting a container's CPU
   * quota, else 0). Neither then waits to be woken, which on a virtual machine is most of the
   * latency of each commit an execution waits for; the price is up to that much CPU time on each
   * side per call. 0 turns it off.
   */
  readonly spinMicros?: number;
}

/**
 * Durable executions in one SQLite file (WAL). The embedded default for Standard workflows: one
 * process owns the file; it resumes every running execution when it starts again.
 */
export class SqliteStore implements DurableStore {
  readonly shared = false;
  /**
   * The database file. The store's connection is not exposed (with the thread it lives there): to
   * inspect the file, open a connection of your own on it, which WAL allows beside the store's.
   */
  readonly filename: string;
  private readonly core: CoreChannel;
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();

  constructor(options: SqliteStoreOptions) {
    this.filename = options.filename;
    checkSynchronous(options.synchronous);
    const spinMicros = spinMicrosOf(options.spinMicros, usableCpus);
    this.core =
      options.thread === false
        ? new InlineCore(new SqliteCore(options))
        : new SqliteThread(startWorker({ ...options, spinMicros }), spinMicros);
  }

  init(): Promise<void> {
    return this.core.call('init');
  }
  /** Answers every call made before it, then closes the file (and stops the thread). */
  close(): Promise<void> {
    return this.core.close();
  }

  commit(batch: CommitBatch): Promise<CommitResult> {
    let encoded: EncodedBatch;
    try {
      encoded = encodeBatch(batch);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.core.call('commitEncoded', encoded);
  }

  putDefinition(definitionId: string, json: string): Promise<void> {
    return this.core.call('putDefinition', definitionId, json);
  }
  getDefinition(definitionId: string): Promise<string | undefined> {
    return this.core.call('getDefinition', definitionId);
  }
  putStateMachine(machine: StoredStateMachine): Promise<void> {
    return this.core.call('putStateMachine', machine);
  }
  getStateMachine(arn: string): Promise<StoredStateMachine | undefined> {
    return this.core.call('getStateMachine', arn);
  }
  publishVersion(arn: string, description: string | undefined, now: number): Promise<StoredVersion> {
    return this.core.call('publishVersion', arn, description, now);
  }
  getVersion(versionArn: string): Promise<StoredVersion | undefined> {
    return this.core.call('getVersion', versionArn);
  }
  listVersions(arn: string): Promise<StoredVersion[]> {
    return this.core.call('listVersions', arn);
  }
  putAlias(alias: StoredAlias): Promise<void> {
    return this.core.call('putAlias', alias);
  }
  getAlias(aliasArn: string): Promise<StoredAlias | undefined> {
    return this.core.call('getAlias', aliasArn);
  }

  getExecution(arn: string): Promise<StoredExecution | undefined> {
    return this.core.call('getExecution', arn);
  }
  endedAmong(executionArns: readonly string[]): Promise<StoredExecution[]> {
    return this.core.call('endedAmong', executionArns);
  }
  listExecutions(filter?: { readonly status?: DurableStatus }): Promise<StoredExecution[]> {
    return this.core.call('listExecutions', filter);
  }
  listEvents(arn: string): Promise<StoredEvent[]> {
    return this.core.call('listEvents', arn);
  }
  listTimers(arn: string): Promise<StoredTimer[]> {
    return this.core.call('listTimers', arn);
  }
  clearTimers(arn: string): Promise<void> {
    return this.core.call('clearTimers', arn);
  }

  async claim(request: ClaimRequest): Promise<ClaimedExecution[]> {
    const rows: ClaimedRow[] = await this.core.call('claim', request);
    return rows.map(decodeClaimed);
  }
  renew(owner: string, arns: readonly string[], leaseMs: number, now: number): Promise<string[]> {
    return this.core.call('renew', owner, arns, leaseMs, now);
  }
  release(owner: string, arns: readonly string[]): Promise<void> {
    return this.core.call('release', owner, arns);
  }
  unload(
    owner: string,
    arn: string,
    wakeAt: number,
    applied: readonly AppliedTaskSignals[],
  ): Promise<boolean> {
    return this.core.call('unload', owner, arn, wakeAt, applied);
  }
  nextWake(): Promise<number | undefined> {
    return this.core.call('nextWake');
  }
  seize(arn: string, owner: string, leaseMs: number, now: number): Promise<StoredExecution | undefined> {
    return this.core.call('seize', arn, owner, leaseMs, now);
  }
  redrive(arn: string, owner: string, leaseMs: number, now: number): Promise<StoredExecution | undefined> {
    return this.core.call('redrive', arn, owner, leaseMs, now);
  }

  putActivity(activity: StoredActivity): Promise<StoredActivity> {
    return this.core.call('putActivity', activity);
  }
  getActivity(activityArn: string): Promise<StoredActivity | undefined> {
    return this.core.call('getActivity', activityArn);
  }
  async takeActivityTask(
    activityArn: string,
    workerName: string | undefined,
  ): Promise<StoredTaskToken | undefined> {
    const { task, failed } = await this.core.call('takeActivityTask', activityArn, workerName);
    // A task passed over as unreadable was failed in the store: the runtime running its
    // execution is told, as another process's answer would tell it.
    for (const executionArn of failed) {
      for (const listener of this.noticeListeners) listener({ kind: 'task', executionArn });
    }
    return task;
  }

  /** Tells the runtime of answers the store itself writes (see takeActivityTask). */
  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }
  answerTask(token: string, executionArn: string, answer: TaskAnswer): Promise<TaskSignalOutcome> {
    return this.core.call('answerTask', token, executionArn, answer);
  }
  heartbeatTask(token: string, executionArn: string, at: number): Promise<TaskSignalOutcome> {
    return this.core.call('heartbeatTask', token, executionArn, at);
  }
  taskSignals(executionArns: readonly string[]): Promise<StoredTaskToken[]> {
    return this.core.call('taskSignals', executionArns);
  }
  getTaskToken(token: string): Promise<StoredTaskToken | undefined> {
    return this.core.call('getTaskToken', token);
  }
}
