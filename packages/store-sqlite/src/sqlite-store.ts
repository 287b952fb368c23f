import {
  aliasFrom,
  type ClaimRequest,
  type CommitBatch,
  type CommitResult,
  DuplicateTransitionError,
  DurableResourceNotFoundError,
  type DurableStatus,
  type DurableStore,
  decodeChunk,
  executionFrom,
  type Row,
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
  versionFrom,
} from '@stepwise/runtime';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { prepareStatements, type Statements } from './statements';
import { SqliteTaskTokens } from './task-tokens';
import { CHUNK_SPAN, ExecutionKeys, writeBatch } from './write-batch';

export interface SqliteStoreOptions {
  /** The database file (created if missing). */
  readonly filename: string;
  /**
   * `FULL` (default): every commit reaches the disk before it returns, so a power cut loses
   * nothing. `NORMAL`: in WAL mode a power cut (not a process crash) may lose the last commits.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

/**
 * Durable executions in one SQLite file (WAL). The embedded default for Standard workflows: one
 * process owns the file; it resumes every running execution when it starts again.
 */
export class SqliteStore implements DurableStore {
  readonly shared = false;
  readonly db: Database.Database;
  private statements: Statements | undefined;
  private readonly keys = new ExecutionKeys();
  private writeTransaction: ((batch: CommitBatch) => CommitResult) | undefined;
  private readonly tasks: SqliteTaskTokens;

  constructor(options: SqliteStoreOptions) {
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.tasks = new SqliteTaskTokens(this.db, () => this.sql);
  }

  async init(): Promise<void> {
    if (this.statements) return;
    migrate(this.db);
    this.statements = prepareStatements(this.db);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private get sql(): Statements {
    if (!this.statements) throw new Error('SqliteStore.init() must be called first.');
    return this.statements;
  }

  async putDefinition(definitionId: string, json: string): Promise<void> {
    this.sql.putDefinition.run(definitionId, json);
  }
  async getDefinition(definitionId: string): Promise<string | undefined> {
    return (this.sql.getDefinition.get(definitionId) as { json: string } | undefined)?.json;
  }
  async putStateMachine(m: StoredStateMachine): Promise<void> {
    this.sql.putMachine.run(m.stateMachineArn, m.name, m.definitionId, m.createdAt);
  }
  async getStateMachine(arn: string): Promise<StoredStateMachine | undefined> {
    const row = this.sql.getMachine.get(arn) as
      | { arn: string; name: string; definition_id: string; created_at: number }
      | undefined;
    return (
      row && {
        stateMachineArn: row.arn,
        name: row.name,
        definitionId: row.definition_id,
        createdAt: row.created_at,
      }
    );
  }
  async publishVersion(arn: string, description: string | undefined, now: number): Promise<StoredVersion> {
    return this.db.transaction(() => {
      const machine = this.sql.getMachine.get(arn) as { definition_id: string } | undefined;
      if (!machine) throw new DurableResourceNotFoundError('state machine', arn);
      const { next } = this.sql.nextVersion.get(arn) as { next: number };
      const row = {
        versionArn: `${arn}:${next}`,
        stateMachineArn: arn,
        version: next,
        definitionId: machine.definition_id,
        description,
        createdAt: now,
      };
      this.sql.putVersion.run(row.versionArn, arn, next, row.definitionId, description ?? null, now);
      return row;
    })();
  }
  async getVersion(versionArn: string): Promise<StoredVersion | undefined> {
    const row = this.sql.getVersion.get(versionArn) as Record<string, unknown> | undefined;
    return row && versionFrom(row);
  }
  async listVersions(arn: string): Promise<StoredVersion[]> {
    return (this.sql.listVersions.all(arn) as Record<string, unknown>[]).map(versionFrom);
  }
  async putAlias(alias: StoredAlias): Promise<void> {
    this.sql.putAlias.run(
      alias.aliasArn,
      alias.stateMachineArn,
      alias.name,
      JSON.stringify(alias.routing),
      alias.description ?? null,
    );
  }
  async getAlias(aliasArn: string): Promise<StoredAlias | undefined> {
    const row = this.sql.getAlias.get(aliasArn) as Record<string, unknown> | undefined;
    return row && aliasFrom(row);
  }

  async commit(batch: CommitBatch): Promise<CommitResult> {
    try {
      return this.commitNow(batch);
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new DuplicateTransitionError(`a row of this commit (${(error as Error).message})`);
      }
      throw error;
    }
  }

  /** One transaction: the whole batch lands, or (on any error) none of it. */
  private commitNow(batch: CommitBatch): CommitResult {
    const sql = this.sql;
    this.writeTransaction ??= this.db.transaction((b: CommitBatch) => writeBatch(sql, this.keys, b));
    return this.writeTransaction(batch);
  }

  async putActivity(activity: StoredActivity): Promise<StoredActivity> {
    return this.tasks.putActivity(activity);
  }
  async getActivity(activityArn: string): Promise<StoredActivity | undefined> {
    return this.tasks.getActivity(activityArn);
  }
  async takeActivityTask(
    activityArn: string,
    workerName: string | undefined,
  ): Promise<StoredTaskToken | undefined> {
    return this.tasks.take(activityArn, workerName);
  }
  async answerTask(token: string, executionArn: string, answer: TaskAnswer): Promise<TaskSignalOutcome> {
    return this.tasks.answer(token, executionArn, answer);
  }
  async heartbeatTask(token: string, executionArn: string): Promise<TaskSignalOutcome> {
    return this.tasks.heartbeat(token, executionArn);
  }
  async taskSignals(executionArns: readonly string[]): Promise<StoredTaskToken[]> {
    return this.tasks.signals(executionArns);
  }
  async getTaskToken(token: string): Promise<StoredTaskToken | undefined> {
    return this.tasks.get(token);
  }

  async getExecution(arn: string): Promise<StoredExecution | undefined> {
    const row = this.sql.getExecution.get(arn) as Record<string, unknown> | undefined;
    return row && executionFrom(row);
  }
  async listExecutions(filter: { readonly status?: DurableStatus } = {}): Promise<StoredExecution[]> {
    const rows =
      filter.status === undefined ? this.sql.listExecutions.all() : this.sql.listByStatus.all(filter.status);
    return (rows as Record<string, unknown>[]).map(executionFrom);
  }
  async listEvents(arn: string): Promise<StoredEvent[]> {
    const row = this.sql.keyOf.get(arn) as { seq: number } | undefined;
    if (!row) return [];
    const base = row.seq * CHUNK_SPAN;
    const chunks = this.sql.listChunks.all(base, base + CHUNK_SPAN - 1) as { key: number; events: string }[];
    return chunks.flatMap((chunk) => decodeChunk(arn, chunk.key - base, chunk.events));
  }
  async listTimers(arn: string): Promise<StoredTimer[]> {
    return (this.sql.listTimers.all(arn) as Record<string, unknown>[]).map(timerFrom);
  }
  async clearTimers(arn: string): Promise<void> {
    this.sql.clearTimers.run(arn);
  }

  async claim(request: ClaimRequest): Promise<StoredExecution[]> {
    const sql = this.sql;
    const query = request.wokenOnly
      ? sql.claimableWoken
      : request.takeOver
        ? sql.claimableAll
        : sql.claimable;
    return this.db.transaction(() => {
      const params = { now: request.now, owner: request.owner, limit: request.limit };
      const rows = query.all(request.wokenOnly ? { now: params.now, limit: params.limit } : params) as Row[];
      const expires = request.now + request.leaseMs;
      return rows.map((row) => {
        sql.lease.run(request.owner, expires, row.arn);
        return executionFrom({ ...row, owner: request.owner, lease_expires: expires });
      });
    })();
  }
  async unload(owner: string, arn: string, wakeAt: number): Promise<boolean> {
    // An unloaded execution is not written to until it wakes: its key need not stay cached.
    this.keys.delete(arn);
    return this.sql.unload.run({ wakeAt, arn, owner }).changes > 0;
  }
  async nextWake(): Promise<number | undefined> {
    const { at } = this.sql.nextWake.get() as { at: number | null };
    return at ?? undefined;
  }
  async renew(owner: string, arns: readonly string[], leaseMs: number, now: number): Promise<string[]> {
    return this.db.transaction(() =>
      arns.filter((arn) => this.sql.renew.run(now + leaseMs, arn, owner).changes === 0),
    )();
  }
  async release(owner: string, arns: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const arn of arns) this.sql.release.run(arn, owner);
    })();
  }
  async redrive(
    arn: string,
    owner: string,
    leaseMs: number,
    now: number,
  ): Promise<StoredExecution | undefined> {
    if (this.sql.redrive.run(owner, now + leaseMs, arn).changes === 0) return undefined;
    return this.getExecution(arn);
  }
}
