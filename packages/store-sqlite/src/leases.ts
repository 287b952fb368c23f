import {
  type AppliedTaskSignals,
  type ClaimedExecution,
  type ClaimRequest,
  claimedFrom,
  claimedWithHistory,
  executionFrom,
  hasUnappliedSignal,
  isUnreadable,
  type Row,
  type StoredExecution,
  taskTokenFrom,
} from '@stepwise/runtime';
import type Database from 'better-sqlite3';
import { chunkRows, decodeHistory } from './history';
import type { Statements } from './statements';
import type { ExecutionKeys } from './write-batch';

/**
 * How much history text (in characters) one claim hands over: the claim crosses from the writer
 * thread as one message, and a restart claims every running execution at once. The histories
 * past it are read by `listEvents`, one execution at a time.
 */
export const HISTORY_BUDGET = 32 * 2 ** 20;

/** Who runs which execution: claims, leases, seizing, unloading and waking, redrive. */
export class SqliteLeases {
  constructor(
    private readonly db: Database.Database,
    private readonly sql: () => Statements,
    private readonly keys: ExecutionKeys,
    private readonly historyBudget = HISTORY_BUDGET,
  ) {}

  claim(request: ClaimRequest): ClaimedExecution[] {
    const sql = this.sql();
    const among = request.wokenOnly ? request.among : undefined;
    const query = among
      ? sql.claimableWokenAmong
      : request.wokenOnly
        ? sql.claimableWoken
        : request.takeOver
          ? sql.claimableAll
          : sql.claimable;
    return this.db.transaction(() => {
      // Rows held by this owner are claimed too: a lease of its own that expired was left by a
      // run under the same name that is gone (a restart), or by a resume that failed here; the
      // runtime skips the executions it runs.
      const rows = query.all({
        now: request.now,
        limit: request.limit,
        ...(among && { among: JSON.stringify(among) }),
      }) as Row[];
      const expires = request.now + request.leaseMs;
      let budget = this.historyBudget;
      return rows.map((row) => {
        sql.lease.run(request.owner, expires, row.arn);
        const claimed = claimedFrom({ ...row, owner: request.owner, lease_expires: expires });
        if (isUnreadable(claimed)) return claimed;
        const chunks = chunkRows(sql, Number(row.seq));
        const size = chunks.reduce((total, chunk) => total + chunk.events.length, 0);
        if (size > budget) return claimed;
        budget -= size;
        return claimedWithHistory(claimed, () => decodeHistory(claimed.executionArn, chunks));
      });
    })();
  }

  unload(owner: string, arn: string, wakeAt: number, applied: readonly AppliedTaskSignals[]): boolean {
    const sql = this.sql();
    const unloaded = this.db.transaction(() => {
      const signals = sql.tokenSignals.all(arn) as Row[];
      if (signals.some((row) => hasUnappliedSignal(taskTokenFrom(row), applied))) return false;
      if (sql.unload.run({ wakeAt, arn, owner }).changes === 0) return false;
      sql.heartbeatsApplied.run(arn);
      return true;
    })();
    // An unloaded execution is not written to until it wakes: its key need not stay cached.
    if (unloaded) this.keys.delete(arn);
    return unloaded;
  }

  nextWake(): number | undefined {
    const { at } = this.sql().nextWake.get() as { at: number | null };
    return at ?? undefined;
  }

  renew(owner: string, arns: readonly string[], leaseMs: number, now: number): string[] {
    const sql = this.sql();
    return this.db.transaction(() =>
      arns.filter((arn) => sql.renew.run(now + leaseMs, arn, owner).changes === 0),
    )();
  }

  release(owner: string, arns: readonly string[]): void {
    const sql = this.sql();
    this.db.transaction(() => {
      for (const arn of arns) sql.release.run(arn, owner);
    })();
  }

  seize(arn: string, owner: string, leaseMs: number, now: number): StoredExecution | undefined {
    return this.updateAndRead(arn, (sql) => sql.seize.run(owner, now + leaseMs, arn).changes);
  }

  redrive(arn: string, owner: string, leaseMs: number, now: number): StoredExecution | undefined {
    return this.updateAndRead(arn, (sql) => sql.redrive.run(owner, now + leaseMs, arn).changes);
  }

  /** An update and the row it leaves, in one transaction: a row that cannot be read undoes it. */
  private updateAndRead(arn: string, update: (sql: Statements) => number): StoredExecution | undefined {
    const sql = this.sql();
    return this.db.transaction(() => {
      if (update(sql) === 0) return undefined;
      const row = sql.getExecution.get(arn) as Row | undefined;
      return row && executionFrom(row);
    })();
  }
}
