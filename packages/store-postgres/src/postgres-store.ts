import {
  type AppliedTaskSignals,
  activityFrom,
  activityTaskFrom,
  aliasFrom,
  answerValues,
  type ChunkRow,
  type ClaimedExecution,
  type ClaimRequest,
  type CommitBatch,
  type CommitResult,
  claimedFrom,
  claimedWithHistory,
  DuplicateTransitionError,
  DurableResourceNotFoundError,
  type DurableStatus,
  type DurableStore,
  decodeHistory,
  executionFrom,
  HistoryGapError,
  hasUnappliedSignal,
  RetryableOnce,
  StoreCorruptionError,
  type StoredActivity,
  type StoredAlias,
  type StoredEvent,
  type StoredExecution,
  type StoredStateMachine,
  type StoredTaskToken,
  type StoredTimer,
  type StoredVersion,
  type StoreNotice,
  type TaskAnswer,
  type TaskSignalOutcome,
  taskSignalsFrom,
  taskTokenFrom,
  timerFrom,
  unreadableAnswer,
  versionFrom,
} from '@stepwise/runtime';
import pg from 'pg';
import { PostgresStoreOptionError } from './errors';
import { migrate } from './migrate';
import { Notifications } from './notifications';
import { pgText } from './text-values';
import { withClient } from './with-client';
import { commitQuery, fencedOf } from './write-batch';

export interface PostgresStoreOptions {
  /** A connection string, or a pool the caller owns (it is then not closed by `close()`). */
  readonly connectionString?: string;
  readonly pool?: pg.Pool;
  /** The PostgreSQL schema the tables live in (default `stepwise`); created if missing. */
  readonly schema?: string;
  /**
   * Pool size when the store makes its own pool (default 10, at least 2): one connection stays
   * open to listen for notifications.
   */
  readonly maxConnections?: number;
}

/** How long the store's own pool waits to open a connection before the call fails. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Durable executions in PostgreSQL, for any number of worker processes on any number of
 * machines: executions are claimed with `FOR UPDATE SKIP LOCKED` under a lease with an owner and
 * an expiry, commits are fenced by the lease, and `LISTEN/NOTIFY` wakes idle workers.
 */
export class PostgresStore implements DurableStore {
  readonly shared = true;
  readonly pool: pg.Pool;
  readonly schema: string;
  private readonly ownsPool: boolean;
  private closing: Promise<void> | undefined;
  private readonly notifications: Notifications;
  private readonly wakeListeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();
  private readonly initialization = new RetryableOnce(() =>
    withClient(this.pool, (client) => migrate(client, this.schema)),
  );

  constructor(options: PostgresStoreOptions) {
    this.schema = options.schema ?? 'stepwise';
    // pg_... and information_schema are PostgreSQL's own: the store's tables have no place there.
    if (
      !/^[a-z_][a-z0-9_]{0,50}$/.test(this.schema) ||
      this.schema.startsWith('pg_') ||
      this.schema === 'information_schema'
    ) {
      const expected =
        'a lower-case SQL name (letters, digits, _; not pg_... or information_schema) of at most 51 characters';
      throw new PostgresStoreOptionError('schema', this.schema, expected);
    }
    const max = options.maxConnections ?? 10;
    if (!Number.isInteger(max) || max < 2) {
      throw new PostgresStoreOptionError('maxConnections', max, 'a whole number of at least 2');
    }
    this.ownsPool = options.pool === undefined;
    this.pool =
      options.pool ??
      new pg.Pool({
        connectionString: options.connectionString,
        max,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      });
    // An idle connection the server ends (a restart, a failover) is dropped from the pool and the
    // next query opens another; unheard, the pool's 'error' would end the process.
    if (this.ownsPool) this.pool.on('error', () => {});
    this.notifications = new Notifications({
      pool: this.pool,
      channels: Object.values(this.channels),
      deliver: (channel, payload) => this.deliver(channel, payload),
      // Wakes sent while the connection was down are lost: the workers look for due executions.
      // Lost answers and stops are found by the lease renewals' sweeps.
      relistened: () => {
        for (const listener of this.wakeListeners) listener();
      },
    });
  }

  private get channels() {
    const schema = this.schema;
    return {
      wake: `${schema}_wake`,
      task: `${schema}_task`,
      activity: `${schema}_activity`,
      seized: `${schema}_seized`,
    };
  }

  private t(table: string): string {
    return `${this.schema}.${table}`;
  }

  /** Creates or migrates the schema; a failure (the database unreachable) is not kept. */
  init(): Promise<void> {
    return this.initialization.run();
  }

  /** Stops listening and ends the store's own pool; closing again waits for the same. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.notifications.close();
      if (this.ownsPool) await this.pool.end();
    })();
    return this.closing;
  }

  private async query<R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values: unknown[] = [],
  ) {
    return (await this.pool.query<R>(text, values)).rows;
  }

  private transaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return withClient(this.pool, async (client) => {
      try {
        await client.query(begin);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if ((error as { code?: string }).code === '23505') {
          throw new DuplicateTransitionError(`a row of this commit (${(error as Error).message})`);
        }
        throw error;
      }
    });
  }

  async putDefinition(definitionId: string, json: string): Promise<void> {
    await this.query(`INSERT INTO ${this.t('definitions')} VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      definitionId,
      json,
    ]);
  }
  async getDefinition(definitionId: string): Promise<string | undefined> {
    const rows = await this.query<{ json: string }>(
      `SELECT json FROM ${this.t('definitions')} WHERE definition_id = $1`,
      [definitionId],
    );
    return rows[0]?.json;
  }
  async putStateMachine(m: StoredStateMachine): Promise<void> {
    await this.query(
      `INSERT INTO ${this.t('state_machines')} VALUES ($1, $2, $3, $4)
       ON CONFLICT (arn) DO UPDATE SET definition_id = excluded.definition_id`,
      [m.stateMachineArn, m.name, m.definitionId, m.createdAt],
    );
  }
  async getStateMachine(arn: string): Promise<StoredStateMachine | undefined> {
    const rows = await this.query(`SELECT * FROM ${this.t('state_machines')} WHERE arn = $1`, [arn]);
    const row = rows[0];
    return (
      row && {
        stateMachineArn: String(row.arn),
        name: String(row.name),
        definitionId: String(row.definition_id),
        createdAt: Number(row.created_at),
      }
    );
  }
  async publishVersion(arn: string, description: string | undefined, now: number): Promise<StoredVersion> {
    return this.transaction('BEGIN', async (client) => {
      const machine = await client.query(
        `SELECT definition_id FROM ${this.t('state_machines')} WHERE arn = $1 FOR UPDATE`,
        [arn],
      );
      const definitionId = machine.rows[0]?.definition_id as string | undefined;
      if (definitionId === undefined) throw new DurableResourceNotFoundError('state machine', arn);
      const next = await client.query<{ next: number }>(
        `SELECT COALESCE(MAX(version), 0)::int + 1 AS next FROM ${this.t('versions')} WHERE machine_arn = $1`,
        [arn],
      );
      const version = next.rows[0]?.next ?? 1;
      const row = {
        versionArn: `${arn}:${version}`,
        stateMachineArn: arn,
        version,
        definitionId,
        description,
        createdAt: now,
      };
      await client.query(`INSERT INTO ${this.t('versions')} VALUES ($1, $2, $3, $4, $5, $6)`, [
        row.versionArn,
        arn,
        version,
        definitionId,
        description ?? null,
        now,
      ]);
      return row;
    });
  }
  async getVersion(versionArn: string): Promise<StoredVersion | undefined> {
    const rows = await this.query(`SELECT * FROM ${this.t('versions')} WHERE version_arn = $1`, [versionArn]);
    return rows[0] && versionFrom(rows[0]);
  }
  async listVersions(arn: string): Promise<StoredVersion[]> {
    return (
      await this.query(`SELECT * FROM ${this.t('versions')} WHERE machine_arn = $1 ORDER BY version`, [arn])
    ).map(versionFrom);
  }
  async putAlias(alias: StoredAlias): Promise<void> {
    await this.query(
      `INSERT INTO ${this.t('aliases')} VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (alias_arn) DO UPDATE SET routing = excluded.routing, description = excluded.description`,
      [
        alias.aliasArn,
        alias.stateMachineArn,
        alias.name,
        JSON.stringify(alias.routing),
        alias.description ?? null,
      ],
    );
  }
  async getAlias(aliasArn: string): Promise<StoredAlias | undefined> {
    const rows = await this.query(`SELECT * FROM ${this.t('aliases')} WHERE alias_arn = $1`, [aliasArn]);
    return rows[0] && aliasFrom(rows[0]);
  }

  async commit(batch: CommitBatch): Promise<CommitResult> {
    try {
      return fencedOf(
        (await this.pool.query<{ fenced: string[] | null }>(commitQuery(this.schema, batch))).rows,
      );
    } catch (error) {
      const { code, detail } = error as { code?: string; detail?: string };
      if (code === '23505') {
        throw new DuplicateTransitionError(`a row of this commit (${(error as Error).message})`);
      }
      if (code === 'SW001' && detail !== undefined) {
        const [arn, first, last] = JSON.parse(detail) as [string, number, number];
        throw new HistoryGapError(arn, first, last);
      }
      if (code === 'SW002' && detail !== undefined)
        throw new DurableResourceNotFoundError('execution', detail);
      throw error;
    }
  }

  async getExecution(arn: string): Promise<StoredExecution | undefined> {
    const rows = await this.query(`SELECT * FROM ${this.t('executions')} WHERE arn = $1`, [arn]);
    return rows[0] && executionFrom(rows[0]);
  }
  async endedAmong(arns: readonly string[]): Promise<StoredExecution[]> {
    if (arns.length === 0) return [];
    const rows = await this.query(
      `SELECT * FROM ${this.t('executions')} WHERE arn = ANY($1::text[]) AND status <> 'RUNNING'`,
      [arns],
    );
    return rows.map(executionFrom);
  }
  async listExecutions(filter: { readonly status?: DurableStatus } = {}): Promise<StoredExecution[]> {
    const rows =
      filter.status === undefined
        ? await this.query(`SELECT * FROM ${this.t('executions')} ORDER BY start_time, arn`)
        : await this.query(
            `SELECT * FROM ${this.t('executions')} WHERE status = $1 ORDER BY start_time, arn`,
            [filter.status],
          );
    return rows.map(executionFrom);
  }
  async listEvents(arn: string): Promise<StoredEvent[]> {
    const chunks = await this.query<{ first_id: number; last_id: number; events: string }>(
      `SELECT first_id, last_id, events FROM ${this.t('event_chunks')} WHERE execution_arn = $1 ORDER BY first_id`,
      [arn],
    );
    return decodeHistory(
      arn,
      chunks.map((chunk) => [chunk.first_id, chunk.last_id, chunk.events] as const),
    );
  }
  async listTimers(arn: string): Promise<StoredTimer[]> {
    return (
      await this.query(`SELECT * FROM ${this.t('timers')} WHERE execution_arn = $1 ORDER BY due, timer_id`, [
        arn,
      ])
    ).map(timerFrom);
  }
  async clearTimers(arn: string): Promise<void> {
    await this.query(`DELETE FROM ${this.t('timers')} WHERE execution_arn = $1`, [arn]);
  }

  async claim(request: ClaimRequest): Promise<ClaimedExecution[]> {
    const among = request.wokenOnly ? request.among : undefined;
    const free = request.wokenOnly
      ? `owner IS NULL AND wake_at <= $3::bigint${among ? ' AND arn = ANY($5::text[])' : ''}`
      : request.takeOver
        ? '(wake_at IS NULL OR wake_at <= $3::bigint)'
        : '(owner IS NULL OR lease_expires <= $3::bigint) AND (wake_at IS NULL OR wake_at <= $3::bigint)';
    // The claim commits without waiting for its WAL to reach the disk: a worker taking executions
    // one at a time would otherwise wait for a flush per execution. Only a crash of PostgreSQL can
    // lose it, and then the claimant's next commit finds another owner and is fenced, so the
    // execution is claimed again; a commit that does reach the disk flushes the claim before it.
    const rows = await this.query(
      `WITH unsynced AS (SELECT set_config('synchronous_commit', 'off', true)),
       picked AS (
         SELECT arn FROM ${this.t('executions')}
         WHERE status = 'RUNNING' AND ${free}
         ORDER BY start_time LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE ${this.t('executions')} e SET owner = $1, lease_expires = $4, wake_at = NULL
       FROM picked, unsynced WHERE e.arn = picked.arn
       RETURNING e.*, ${this.t('history_of')}(e.arn) AS history_chunks`,
      [request.owner, request.limit, request.now, request.now + request.leaseMs, ...(among ? [among] : [])],
    );
    return rows.map(withHistory);
  }
  async unload(
    owner: string,
    arn: string,
    wakeAt: number,
    applied: readonly AppliedTaskSignals[],
  ): Promise<boolean> {
    // Read committed whatever the database's default: the second statement must see what committed
    // while the first waited.
    return this.transaction('BEGIN ISOLATION LEVEL READ COMMITTED', async (client) => {
      // The row lock waits for a signal being stored (signal_task holds the row in KEY SHARE) and
      // makes the next one wait for this unload, then wake it. The signals are then read by a
      // statement of their own, which sees one that committed meanwhile: within one statement they
      // would not be seen. A pick-up committed after that read wakes the execution once this
      // unload commits (takeActivityTask waits for the row too).
      const held = await client.query(
        `SELECT 1 FROM ${this.t('executions')} WHERE arn = $1 AND owner = $2 AND status = 'RUNNING' FOR UPDATE`,
        [arn, owner],
      );
      if (held.rowCount === 0) return false;
      const signals = await client.query(`${this.signalsQuery} = $1`, [arn]);
      if (taskSignalsFrom(signals.rows).some((row) => hasUnappliedSignal(row, applied))) return false;
      const { rowCount } = await client.query(
        `UPDATE ${this.t('executions')} SET owner = NULL, lease_expires = NULL, wake_at = $2 WHERE arn = $1`,
        [arn, wakeAt],
      );
      if (rowCount !== 1) return false;
      // It was given every heartbeat stored (or it would run on): a wake applies only later ones.
      await client.query(
        `UPDATE ${this.t('task_tokens')} SET heartbeats = 0 WHERE execution_arn = $1 AND state = 'OPEN' AND heartbeats > 0`,
        [arn],
      );
      return true;
    });
  }
  async nextWake(): Promise<number | undefined> {
    const rows = await this.query<{ at: string | null }>(
      `SELECT MIN(wake_at) AS at FROM ${this.t('executions')} WHERE wake_at IS NOT NULL`,
    );
    return rows[0]?.at == null ? undefined : Number(rows[0].at);
  }
  async renew(owner: string, arns: readonly string[], leaseMs: number, now: number): Promise<string[]> {
    const kept = await this.query<{ arn: string }>(
      `UPDATE ${this.t('executions')} SET lease_expires = $3
       WHERE arn = ANY($1) AND owner = $2 AND status = 'RUNNING' RETURNING arn`,
      [arns, owner, now + leaseMs],
    );
    const held = new Set(kept.map((r) => r.arn));
    return arns.filter((arn) => !held.has(arn));
  }
  async release(owner: string, arns: readonly string[]): Promise<void> {
    await this.query(
      `UPDATE ${this.t('executions')} SET owner = NULL, lease_expires = NULL WHERE arn = ANY($1) AND owner = $2`,
      [arns, owner],
    );
  }
  async seize(
    arn: string,
    owner: string,
    leaseMs: number,
    now: number,
  ): Promise<StoredExecution | undefined> {
    // Row-locked like a commit, which checks the owner under the same lock: the holder's commits
    // either land before this or are refused after it.
    const rows = await this.query(
      `WITH seized AS (
         UPDATE ${this.t('executions')} SET owner = $2, lease_expires = $3
         WHERE arn = $1 AND status = 'RUNNING' RETURNING *)
       SELECT seized.*, pg_notify($4, seized.arn) AS notified FROM seized`,
      [arn, owner, now + leaseMs, this.channels.seized],
    );
    return rows[0] && executionFrom(rows[0]);
  }
  async redrive(
    arn: string,
    owner: string,
    leaseMs: number,
    now: number,
  ): Promise<StoredExecution | undefined> {
    const rows = await this.query(
      `UPDATE ${this.t('executions')} SET status = 'RUNNING', stop_time = NULL, output = NULL, error = NULL,
         cause = NULL, redrive_count = redrive_count + 1, owner = $2, lease_expires = $3
       WHERE arn = $1 AND status IN ('FAILED', 'TIMED_OUT', 'ABORTED') RETURNING *`,
      [arn, owner, now + leaseMs],
    );
    return rows[0] && executionFrom(rows[0]);
  }

  async putActivity(activity: StoredActivity): Promise<StoredActivity> {
    await this.query(`INSERT INTO ${this.t('activities')} VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      activity.activityArn,
      activity.name,
      activity.createdAt,
    ]);
    return (await this.getActivity(activity.activityArn)) as StoredActivity;
  }
  async getActivity(activityArn: string): Promise<StoredActivity | undefined> {
    const rows = await this.query(`SELECT * FROM ${this.t('activities')} WHERE arn = $1`, [activityArn]);
    return rows[0] && activityFrom(rows[0]);
  }
  async takeActivityTask(
    activityArn: string,
    workerName: string | undefined,
  ): Promise<StoredTaskToken | undefined> {
    for (;;) {
      const taken = await this.takeOldest(activityArn, workerName);
      if (!taken) return undefined;
      try {
        return activityTaskFrom(taken);
      } catch (error) {
        if (!(error instanceof StoreCorruptionError)) throw error;
        // A task that cannot be read is not handed out: it fails with States.Runtime, saying why,
        // and the next one is taken.
        await this.signal(
          String(taken.token),
          String(taken.execution_arn),
          answerValues(unreadableAnswer(error)).map(pgText),
        );
      }
    }
  }

  /** Marks the oldest open task of the activity taken, and returns its row. */
  private async takeOldest(activityArn: string, workerName: string | undefined) {
    // The execution running the task is told; an unloaded one wakes to record the pick-up.
    const [taken] = await this.query(
      `UPDATE ${this.t('task_tokens')} t SET taken = true, worker_name = $2
       WHERE t.token = (SELECT token FROM ${this.t('task_tokens')}
         WHERE activity_arn = $1 AND state = 'OPEN' AND NOT taken
         ORDER BY scheduled_at, token LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING t.*, pg_notify($3, t.execution_arn)::text AS notified`,
      [activityArn, workerName ?? null, this.channels.task],
    );
    if (!taken) return undefined;
    // As an answer does (see unload): an unload in progress is waited for, then seen. Once the
    // pick-up is committed, so that the token and the execution are never locked in the order
    // opposite to a commit's. The pick-up is the worker's whatever happens next: a wake that fails
    // leaves the execution to the NOTIFY above, or to its own wake time.
    await this.query(`SELECT 1 FROM ${this.t('executions')} WHERE arn = $1 FOR KEY SHARE`, [
      taken.execution_arn,
    ])
      .then(() =>
        this.query(
          `WITH woken AS (
             UPDATE ${this.t('executions')} SET wake_at = 0 WHERE arn = $1 AND wake_at IS NOT NULL RETURNING arn)
           SELECT pg_notify($2, '') FROM woken`,
          [taken.execution_arn, this.channels.wake],
        ),
      )
      .catch(() => {});
    return taken;
  }
  answerTask(token: string, executionArn: string, answer: TaskAnswer): Promise<TaskSignalOutcome> {
    return this.signal(token, executionArn, answerValues(answer).map(pgText));
  }
  heartbeatTask(token: string, executionArn: string, at: number): Promise<TaskSignalOutcome> {
    return this.signal(token, executionArn, ['HEARTBEAT', null, null, null], at);
  }
  async taskSignals(executionArns: readonly string[]): Promise<StoredTaskToken[]> {
    if (executionArns.length === 0) return [];
    const rows = await this.query(`${this.signalsQuery} = ANY($1)`, [executionArns]);
    return taskSignalsFrom(rows);
  }
  /** The tokens holding a signal, up to the comparison of their execution's ARN. */
  private get signalsQuery(): string {
    return `SELECT * FROM ${this.t('task_tokens')}
      WHERE (state = 'ANSWERED' OR (state = 'OPEN' AND (taken OR heartbeats > 0))) AND execution_arn`;
  }
  async getTaskToken(token: string): Promise<StoredTaskToken | undefined> {
    const rows = await this.query(`SELECT * FROM ${this.t('task_tokens')} WHERE token = $1`, [token]);
    return rows[0] && taskTokenFrom(rows[0]);
  }

  /** `values`: the kind and the answer's columns (see answerValues); `at`: a heartbeat's time. */
  private async signal(
    token: string,
    arn: string,
    values: readonly (string | null)[],
    at: number | null = null,
  ): Promise<TaskSignalOutcome> {
    const rows = await this.query<{ outcome: TaskSignalOutcome }>(
      `SELECT ${this.schema}.signal_task($1, $2, $3, $4, $5, $6, $7) AS outcome`,
      [token, arn, ...values, at],
    );
    return (rows[0] as { outcome: TaskSignalOutcome }).outcome;
  }

  onWake(listener: () => void): () => void {
    this.wakeListeners.add(listener);
    this.notifications.start();
    return () => this.wakeListeners.delete(listener);
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    this.notifications.start();
    return () => this.noticeListeners.delete(listener);
  }

  async wake(): Promise<void> {
    await this.query(`SELECT pg_notify($1, '')`, [this.channels.wake]);
  }

  /** One connection LISTENs for the whole store (see Notifications) and fans NOTIFYs out here. */
  private deliver(channel: string, payload: string): void {
    const { wake, task, activity, seized } = this.channels;
    if (channel === wake) for (const listener of this.wakeListeners) listener();
    const notice: StoreNotice | undefined =
      channel === task
        ? { kind: 'task', executionArn: payload }
        : channel === activity
          ? { kind: 'activity', activityArn: payload }
          : channel === seized
            ? { kind: 'seized', executionArn: payload }
            : undefined;
    if (notice) for (const listener of this.noticeListeners) listener(notice);
  }
}

/** A claimed row with the history the claim read (see `history_of` in the schema). */
function withHistory(row: Record<string, unknown>): ClaimedExecution {
  const { history_chunks: chunks, ...columns } = row;
  const claimed = claimedFrom(columns);
  // NULL: not read with the claim (a strict isolation level, a long history).
  if (chunks == null) return claimed;
  return claimedWithHistory(claimed, () => decodeHistory(claimed.executionArn, chunks as ChunkRow[]));
}
