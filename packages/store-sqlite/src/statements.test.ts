import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteCore } from './sqlite-core';
import { prepareStatements, type Statements } from './statements';

/**
 * Waking unloaded executions, or taking over the running ones at start-up, must not cost a read of
 * every execution the file has ever held: the file keeps ended ones, and would grow slower to start
 * and to wake.
 */
describe('the statements that wake and take over executions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-statements-'));
  let core: SqliteCore;
  let sql: Statements;

  beforeAll(() => {
    core = new SqliteCore({ filename: join(dir, 'plans.db') });
    core.init();
    sql = prepareStatements(core.db);
  });
  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const planOf = (statement: keyof Statements, params: Record<string, number | string> = {}): string[] =>
    (core.db.prepare(`EXPLAIN QUERY PLAN ${sql[statement].source}`).all(params) as { detail: string }[]).map(
      (row) => row.detail,
    );

  it('find the next wake time in the wake index alone', () => {
    expect(planOf('nextWake')).toEqual([expect.stringMatching(/USING COVERING INDEX executions_waking/)]);
  });

  it('claim the woken executions through the wake index, in wake order without sorting them', () => {
    const plan = planOf('claimableWoken', { now: 1000, limit: 10 });
    expect(plan).toEqual([expect.stringMatching(/USING INDEX executions_waking/)]);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('claim the woken executions among those named through the ARN index, not every running one', () => {
    const plan = planOf('claimableWokenAmong', { now: 1000, limit: 10, among: '["arn:a"]' }).join('\n');
    expect(plan).toMatch(/SEARCH executions USING INDEX sqlite_autoindex_executions_1 \(arn=\?\)/);
    expect(plan).not.toMatch(/executions_by_status|SCAN executions/);
  });

  it('take over the running executions, and any of a status never written, through the status index', () => {
    const plan = planOf('claimableAll', { now: 1000, limit: 10 }).join('\n');
    expect(plan).toMatch(/USING INDEX executions_by_status \(status=\?\)/);
    expect(plan).toMatch(/USING INDEX executions_by_status \(status>\?\)/);
    expect(plan).not.toMatch(/SCAN executions/);
  });

  it('still answer what they answered: the earliest wake time, due rows in wake order, rows to take over', () => {
    let started = 0;
    const insert = (name: string, status: unknown, wakeAt: unknown = null, owner: string | null = null) =>
      core.db
        .prepare(
          `INSERT INTO executions (arn, name, machine_arn, definition_id, input, start_time, status,
             redrive_count, owner, wake_at) VALUES (?, ?, 'm', 'd', '{}', ?, ?, 0, ?, ?)`,
        )
        .run(`arn:${name}`, name, started++, status, owner, wakeAt);
    insert('ended', 'SUCCEEDED');
    insert('late', 'RUNNING', 900);
    insert('soon', 'RUNNING', 300);
    insert('garbled', 'RUNNING', 'not a time');
    insert('not-due', 'RUNNING', 5000);
    expect(sql.nextWake.get()).toEqual({ at: 300 });
    const woken = sql.claimableWoken.all({ now: 1000, limit: 10 }) as { arn: string }[];
    expect(woken.map((row) => row.arn)).toEqual(['arn:soon', 'arn:late']);

    insert('running', 'RUNNING');
    insert('mine', 'RUNNING', null, 'me');
    insert('odd-text', 'Running');
    insert('odd-mine', 'Running', null, 'me');
    insert('number', 7);
    insert('blob', Buffer.from('RUNNING'));
    for (const between of ['AB', 'FAILED ', 'S', 'TIMED_OUT_', 'Z']) insert(`between-${between}`, between);
    const taken = sql.claimableAll.all({ now: 1000, limit: 20 }) as { arn: string }[];
    // In start order: running and due, or of a status never written, whoever holds them.
    expect(taken.map((row) => row.arn)).toEqual([
      'arn:late',
      'arn:soon',
      'arn:garbled',
      'arn:running',
      'arn:mine',
      'arn:odd-text',
      'arn:odd-mine',
      'arn:number',
      'arn:blob',
      'arn:between-AB',
      'arn:between-FAILED ',
      'arn:between-S',
      'arn:between-TIMED_OUT_',
      'arn:between-Z',
    ]);
  });
});
