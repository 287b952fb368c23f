import {
  aliasFrom,
  type ClaimRequest,
  type CommitBatch,
  type CommitResult,
  DuplicateTransitionError,
  DurableResourceNotFoundError,
  type DurableStatus,
  type DurableStore,
  eventFrom,
  executionFrom,
  type StoredAlias,
  type StoredEvent,
  type StoredExecution,
  type StoredStateMachine,
  type StoredTimer,
  type StoredVersion,
  terminalUpdate,
  timerFrom,
  versionFrom,
} from '@stepwise/runtime';
import pg from 'pg';
import { migrate } from './migrate';
import { writeBatch } from './write-batch';

export interface PostgresStoreOptions {
  /** A connection string, or a pool the caller owns (it is then not closed by `close()`). */
  readonly connectionString?: string;
  readonly pool?: pg.Pool;
  /** The PostgreSQL schema the tables live in (default `stepwise`); created if missing. */
  readonly schema?: string;
  /** Pool size when the store makes its own pool (default 10). */
  readonly maxConnections?: number;
}

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
  private listener: pg.PoolClient | undefined;
  private readonly wakeListeners = new Set<() => void>();
  private initialized: Promise<void> | undefined;

  constructor(options: PostgresStoreOptions) {
    this.schema = options.schema ?? 'stepwise';
    if (!/^[a-z_][a-z0-9_]{0,50}$/.test(this.schema))
      throw new Error(`Invalid schema name '${this.schema}'.`);
    this.ownsPool = options.pool === undefined;
    this.pool =
      options.pool ??
      new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  }

  private get channel(): string {
    return `${this.schema}_wake`;
  }

  private t(table: string): string {
    return `${this.schema}.${table}`;
  }

  init(): Promise<void> {
    this.initialized ??= (async () => {
      const client = await this.pool.connect();
      try {
        await migrate(client, this.schema);
      } finally {
        client.release();
      }
    })();
    return this.initialized;
  }

  async close(): Promise<void> {
    if (this.listener) {
      this.listener.release();
      this.listener = undefined;
    }
    if (this.ownsPool) await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values: unknown[] = [],
  ) {
    return (await this.pool.query<R>(text, values)).rows;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if ((error as { code?: string }).code === '23505') {
        throw new DuplicateTransitionError(`a row of this commit (${(error as Error).message})`);
      }
      throw error;
    } finally {
      client.release();
    }
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
    return this.transaction(async (client) => {
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

  commit(batch: CommitBatch): Promise<CommitResult> {
    return this.transaction((client) => writeBatch(client, this.schema, batch, terminalUpdate));
  }

  async getExecution(arn: string): Promise<StoredExecution | undefined> {
    const rows = await this.query(`SELECT * FROM ${this.t('executions')} WHERE arn = $1`, [arn]);
    return rows[0] && executionFrom(rows[0]);
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
    return (
      await this.query(`SELECT * FROM ${this.t('events')} WHERE execution_arn = $1 ORDER BY id`, [arn])
    ).map(eventFrom);
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

  async claim(request: ClaimRequest): Promise<StoredExecution[]> {
    const free = request.takeOver
      ? '$3::bigint IS NOT NULL'
      : '(owner IS NULL OR lease_expires <= $3::bigint)';
    const rows = await this.query(
      `WITH picked AS (
         SELECT arn FROM ${this.t('executions')}
         WHERE status = 'RUNNING' AND ${free} AND owner IS DISTINCT FROM $1
         ORDER BY start_time LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE ${this.t('executions')} e SET owner = $1, lease_expires = $4
       FROM picked WHERE e.arn = picked.arn RETURNING e.*`,
      [request.owner, request.limit, request.now, request.now + request.leaseMs],
    );
    return rows.map(executionFrom);
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

  onWake(listener: () => void): () => void {
    this.wakeListeners.add(listener);
    if (!this.listener) void this.listen();
    return () => this.wakeListeners.delete(listener);
  }

  async wake(): Promise<void> {
    await this.query(`SELECT pg_notify($1, '')`, [this.channel]);
  }

  /** One connection LISTENs for the whole store and fans NOTIFYs out to the workers. */
  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    this.listener = client;
    client.on('notification', () => {
      for (const listener of this.wakeListeners) listener();
    });
    await client.query(`LISTEN ${this.channel}`);
  }
}
