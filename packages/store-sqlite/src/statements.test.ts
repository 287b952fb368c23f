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

  it('take over the running executions, and any of a status never written, through the status index', () => {
    const plan = planOf('claimableAll', { owner: 1, now: 1000, limit: 10 }).join('\n');
    expect(plan).toMatch(/USING INDEX executions_by_status \(status=\?\)/);
    expect(plan).toMatch(/USING INDEX executions_by_status \(status>\?\)/);
    expect(plan).not.toMatch(/SCAN executions/);
  });

  it('still answer what they answered: the earliest wake time, due rows in wake order, rows to take over', () => {
    const insert = core.db.prepare(
      `INSERT INTO executions (arn, name, machine_arn, definition_id, input, start_time, status,
         redrive_count, wake_at) VALUES (?, ?, 'm', 'd', '{}', 0, ?, 0, ?)`,
    );
    insert.run('arn:ended', 'ended', 'SUCCEEDED', null);
    insert.run('arn:late', 'late', 'RUNNING', 900);
    insert.run('arn:soon', 'soon', 'RUNNING', 300);
    insert.run('arn:garbled', 'garbled', 'RUNNING', 'not a time');
    expect(sql.nextWake.get()).toEqual({ at: 300 });
    const woken = sql.claimableWoken.all({ now: 1000, limit: 10 }) as { arn: string }[];
    expect(woken.map((row) => row.arn)).toEqual(['arn:soon', 'arn:late']);
    insert.run('arn:odd-text', 'odd-text', 'Running', null);
    insert.run('arn:number', 'number', 7, null);
    const taken = sql.claimableAll.all({ owner: 'me', now: 1000, limit: 10 }) as { arn: string }[];
    expect(taken.map((row) => row.arn).sort()).toEqual(
      ['arn:garbled', 'arn:late', 'arn:number', 'arn:odd-text', 'arn:soon'].sort(),
    );
  });
});
