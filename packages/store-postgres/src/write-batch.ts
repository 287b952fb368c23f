import type { CommitBatch, CommitResult, StoredEvent, TerminalUpdate } from '@stepwise/runtime';
import type pg from 'pg';

/**
 * Writes one commit batch inside an open transaction, a statement per kind of row however many
 * executions it covers. The executions whose events it writes are locked first (`FOR UPDATE`) and
 * their owner checked, so a runtime whose lease was taken over cannot write (fencing).
 */
export async function writeBatch(
  client: pg.PoolClient,
  schema: string,
  batch: CommitBatch,
  terminal: (event: StoredEvent) => TerminalUpdate | undefined,
): Promise<CommitResult> {
  const t = (table: string) => `${schema}.${table}`;
  for (const e of batch.executions) {
    await client.query(
      `INSERT INTO ${t('executions')} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        e.executionArn,
        e.name,
        e.stateMachineArn,
        e.versionArn ?? null,
        e.definitionId,
        e.input,
        e.startTime,
        e.status,
        e.stopTime ?? null,
        e.output ?? null,
        e.error ?? null,
        e.cause ?? null,
        e.redriveCount,
        e.owner ?? null,
        e.leaseExpires ?? null,
      ],
    );
  }
  const fresh = new Set(batch.executions.map((e) => e.executionArn));
  const fenced = new Set<string>();
  const existing = [...new Set(batch.events.map((e) => e.executionArn))].filter((arn) => !fresh.has(arn));
  if (existing.length > 0) {
    const { rows } = await client.query<{ arn: string; owner: string | null }>(
      `SELECT arn, owner FROM ${t('executions')} WHERE arn = ANY($1) ORDER BY arn FOR UPDATE`,
      [existing],
    );
    if (batch.owner !== undefined) {
      const owners = new Map(rows.map((r) => [r.arn, r.owner]));
      for (const arn of existing) if (owners.get(arn) !== batch.owner) fenced.add(arn);
    }
  }
  const events = batch.events.filter((e) => !fenced.has(e.executionArn));
  if (events.length > 0) {
    await client.query(
      `INSERT INTO ${t('events')} (execution_arn, id, previous_id, type, time, position, details)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::bigint[], $6::text[], $7::text[])`,
      [
        events.map((e) => e.executionArn),
        events.map((e) => e.id),
        events.map((e) => e.previousEventId),
        events.map((e) => e.type),
        events.map((e) => e.time),
        events.map((e) => e.position),
        events.map((e) => e.details ?? null),
      ],
    );
  }
  const ended = new Set<string>();
  for (const event of events) {
    const end = terminal(event);
    if (!end) continue;
    ended.add(event.executionArn);
    await client.query(
      `UPDATE ${t('executions')} SET status = $1, stop_time = $2, output = $3, error = $4, cause = $5,
         owner = NULL, lease_expires = NULL WHERE arn = $6`,
      [
        end.status,
        end.stopTime,
        end.output ?? null,
        end.error ?? null,
        end.cause ?? null,
        event.executionArn,
      ],
    );
    await client.query(`DELETE FROM ${t('timers')} WHERE execution_arn = $1`, [event.executionArn]);
  }
  const timers = batch.timersSet.filter(
    (timer) => !fenced.has(timer.executionArn) && !ended.has(timer.executionArn),
  );
  if (timers.length > 0) {
    await client.query(
      `INSERT INTO ${t('timers')} (execution_arn, timer_id, due)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
       ON CONFLICT (execution_arn, timer_id) DO UPDATE SET due = excluded.due`,
      [timers.map((x) => x.executionArn), timers.map((x) => x.timerId), timers.map((x) => x.due)],
    );
  }
  if (batch.timersCleared.length > 0) {
    await client.query(
      `DELETE FROM ${t('timers')} t USING unnest($1::text[], $2::text[]) AS c(arn, id)
       WHERE t.execution_arn = c.arn AND t.timer_id = c.id`,
      [batch.timersCleared.map((x) => x.executionArn), batch.timersCleared.map((x) => x.timerId)],
    );
  }
  return { fenced: [...fenced] };
}
