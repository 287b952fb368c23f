import {
  type AppliedTaskSignals,
  type ClaimRequest,
  type CommitBatch,
  type CommitResult,
  DuplicateTransitionError,
  type DurableStatus,
  executionFrom,
  type StoredActivity,
  type StoredAlias,
  type StoredEvent,
  type StoredExecution,
  type StoredStateMachine,
  type StoredTaskToken,
  type StoredTimer,
  type StoredVersion,
  type TaskAnswer,
  type TaskSignalOutcome,
  timerFrom,
} from '@stepwise/runtime';
import Database from 'better-sqlite3';
import { SqliteCatalog } from './catalog';
import type { SyncStore, TakenTask } from './core-api';
import { type EncodedBatch, encodeBatch } from './encoded-batch';
import { SqliteStoreNotInitializedError } from './errors';
import { chunkRows, decodeHistory } from './history';
import { SqliteLeases } from './leases';
import { type ClaimedRow, encodeClaimed } from './messages';
import { migrate } from './migrate';
import { prepareStatements, type Statements } from './statements';
import { SqliteTaskTokens } from './task-tokens';
import { ExecutionKeys, writeBatch } from './write-batch';

export interface SqliteCoreOptions {
  readonly filename: string;
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How much history text one claim hands over (default `HISTORY_BUDGET`). */
  readonly historyBudget?: number;
}

/**
 * The store itself: one better-sqlite3 connection and its prepared statements, answering every
 * call synchronously. It runs on the writer thread, or on the caller's thread with `thread: false`.
 */
export class SqliteCore implements SyncStore {
  readonly db: Database.Database;
  private statements: Statements | undefined;
  private readonly keys = new ExecutionKeys();
  private writeTransaction: ((batch: EncodedBatch) => CommitResult) | undefined;
  private readonly catalog: SqliteCatalog;
  private readonly tasks: SqliteTaskTokens;
  private readonly leases: SqliteLeases;

  constructor(options: SqliteCoreOptions) {
    this.db = new Database(options.filename);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      this.db.pragma('busy_timeout = 5000');
    } catch (error) {
      // Not left open: each failed attempt would keep a file descriptor (and the mount) busy.
      this.db.close();
      throw error;
    }
    const sql = () => this.sql;
    this.catalog = new SqliteCatalog(this.db, sql);
    this.tasks = new SqliteTaskTokens(this.db, sql);
    this.leases = new SqliteLeases(this.db, sql, this.keys, options.historyBudget);
  }

  init(): void {
    if (this.statements) return;
    migrate(this.db);
    this.statements = prepareStatements(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private get sql(): Statements {
    if (!this.statements) throw new SqliteStoreNotInitializedError();
    return this.statements;
  }

  /** One transaction: the whole batch lands, or (on any error) none of it. */
  commit(batch: CommitBatch): CommitResult {
    return this.commitEncoded(encodeBatch(batch));
  }

  /** `commit`, for a batch the caller has encoded (see encodeBatch). */
  commitEncoded(batch: EncodedBatch): CommitResult {
    try {
      const sql = this.sql;
      this.writeTransaction ??= this.db.transaction((b: EncodedBatch) => writeBatch(sql, this.keys, b));
      return this.writeTransaction(batch);
    } catch (error) {
      this.keys.clear();
      // Only a key met twice is a transition applied twice; other constraints are other faults.
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new DuplicateTransitionError(`a row of this commit (${(error as Error).message})`);
      }
      throw error;
    }
  }

  getExecution(arn: string): StoredExecution | undefined {
    const row = this.sql.getExecution.get(arn) as Record<string, unknown> | undefined;
    return row && executionFrom(row);
  }
  endedAmong(arns: readonly string[]): StoredExecution[] {
    if (arns.length === 0) return [];
    return (this.sql.endedAmong.all(JSON.stringify(arns)) as Record<string, unknown>[]).map(executionFrom);
  }
  listExecutions(filter: { readonly status?: DurableStatus } = {}): StoredExecution[] {
    const rows =
      filter.status === undefined ? this.sql.listExecutions.all() : this.sql.listByStatus.all(filter.status);
    return (rows as Record<string, unknown>[]).map(executionFrom);
  }
  listEvents(arn: string): StoredEvent[] {
    const row = this.sql.keyOf.get(arn) as { seq: number } | undefined;
    return row ? decodeHistory(arn, chunkRows(this.sql, row.seq)) : [];
  }
  listTimers(arn: string): StoredTimer[] {
    return (this.sql.listTimers.all(arn) as Record<string, unknown>[]).map(timerFrom);
  }
  clearTimers(arn: string): void {
    this.sql.clearTimers.run(arn);
  }

  putDefinition = (id: string, json: string): void => this.catalog.putDefinition(id, json);
  getDefinition = (id: string): string | undefined => this.catalog.getDefinition(id);
  putStateMachine = (m: StoredStateMachine): void => this.catalog.putStateMachine(m);
  getStateMachine = (arn: string): StoredStateMachine | undefined => this.catalog.getStateMachine(arn);
  publishVersion = (arn: string, description: string | undefined, now: number): StoredVersion =>
    this.catalog.publishVersion(arn, description, now);
  getVersion = (arn: string): StoredVersion | undefined => this.catalog.getVersion(arn);
  listVersions = (arn: string): StoredVersion[] => this.catalog.listVersions(arn);
  putAlias = (alias: StoredAlias): void => this.catalog.putAlias(alias);
  getAlias = (arn: string): StoredAlias | undefined => this.catalog.getAlias(arn);

  claim = (request: ClaimRequest): ClaimedRow[] => this.leases.claim(request).map(encodeClaimed);
  unload = (owner: string, arn: string, wakeAt: number, applied: readonly AppliedTaskSignals[]): boolean =>
    this.leases.unload(owner, arn, wakeAt, applied);
  nextWake = (): number | undefined => this.leases.nextWake();
  renew = (owner: string, arns: readonly string[], leaseMs: number, now: number): string[] =>
    this.leases.renew(owner, arns, leaseMs, now);
  release = (owner: string, arns: readonly string[]): void => this.leases.release(owner, arns);
  seize = (arn: string, owner: string, leaseMs: number, now: number): StoredExecution | undefined =>
    this.leases.seize(arn, owner, leaseMs, now);
  redrive = (arn: string, owner: string, leaseMs: number, now: number): StoredExecution | undefined =>
    this.leases.redrive(arn, owner, leaseMs, now);

  putActivity = (activity: StoredActivity): StoredActivity => this.tasks.putActivity(activity);
  getActivity = (arn: string): StoredActivity | undefined => this.tasks.getActivity(arn);
  takeActivityTask = (arn: string, workerName: string | undefined): TakenTask =>
    this.tasks.take(arn, workerName);
  answerTask = (token: string, arn: string, answer: TaskAnswer): TaskSignalOutcome =>
    this.tasks.answer(token, arn, answer);
  heartbeatTask = (token: string, arn: string, at: number): TaskSignalOutcome =>
    this.tasks.heartbeat(token, arn, at);
  taskSignals = (arns: readonly string[]): StoredTaskToken[] => this.tasks.signals(arns);
  getTaskToken = (token: string): StoredTaskToken | undefined => this.tasks.get(token);
}
