import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateTransitionError } from '@stepwise/runtime';
import { batch, eventRow, executionRow } from '@stepwise/runtime/store-contract';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStoreNotInitializedError } from './errors';
import { SqliteCore } from './sqlite-core';

describe('SQLite core', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-core-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the file in WAL mode, with synchronous=FULL unless NORMAL is asked for', () => {
    const full = new SqliteCore({ filename: join(dir, 'full.db') });
    expect(full.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(full.db.pragma('synchronous', { simple: true })).toBe(2);
    full.close();
    const normal = new SqliteCore({ filename: join(dir, 'normal.db'), synchronous: 'NORMAL' });
    expect(normal.db.pragma('synchronous', { simple: true })).toBe(1);
    normal.close();
  });

  it('closes a file it cannot open as a database, rather than keep it open', () => {
    const filename = join(dir, 'not-a-database.db');
    writeFileSync(filename, 'these bytes are no SQLite database, whatever the name says'.repeat(100));
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 5; i++) expect(() => new SqliteCore({ filename })).toThrow(/not a database/);
    expect(open()).toBe(before);
  });

  it('refuses calls before init(), and closes once however often asked', () => {
    const core = new SqliteCore({ filename: join(dir, 'early.db') });
    expect(() => core.getExecution('arn')).toThrow(SqliteStoreNotInitializedError);
    core.init();
    expect(core.getExecution('arn')).toBeUndefined();
    core.close();
    core.close();
    expect(core.db.open).toBe(false);
  });

  it('reports a constraint other than a repeated key as itself, not as a transition applied twice', () => {
    const core = new SqliteCore({ filename: join(dir, 'constraints.db') });
    core.init();
    const broken = executionRow('broken', { definitionId: null as never });
    let thrown: unknown;
    try {
      core.commit(batch({ executions: [broken] }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).not.toBeInstanceOf(DuplicateTransitionError);
    expect(thrown).toMatchObject({ code: 'SQLITE_CONSTRAINT_NOTNULL' });
    core.close();
  });

  it('hands over histories with a claim up to its budget, and leaves the rest to listEvents', () => {
    const core = new SqliteCore({ filename: join(dir, 'budget.db'), historyBudget: 100 });
    core.init();
    const rows = ['a', 'b', 'c'].map((name) => executionRow(name));
    core.commit(batch({ executions: rows }));
    // 48 characters of history each: two fit in 100, the third does not.
    for (const row of rows)
      core.commit(batch({ events: [eventRow(row.executionArn, 1, 'ExecutionStarted', {})] }));
    const claimed = core.claim({ owner: 'w', limit: 3, leaseMs: 1000, now: 0 });
    expect(claimed.map((row) => 'history' in row && row.history?.length)).toEqual([1, 1, false]);
    expect(core.listEvents(rows[2]?.executionArn ?? '')).toHaveLength(1);
    core.close();
  });

  it('writes an execution that starts and ends in one commit as it ended, with no update after', () => {
    const core = new SqliteCore({ filename: join(dir, 'whole.db') });
    core.init();
    core.db.exec(`CREATE TABLE updated (arn TEXT);
      CREATE TRIGGER log_update AFTER UPDATE ON executions BEGIN INSERT INTO updated VALUES (new.arn); END;`);
    const leased = { owner: 'runtime-1', leaseExpires: 60_000 };
    const whole = executionRow('whole', leased);
    const split = executionRow('split', leased);
    const events = (arn: string) => [
      eventRow(arn, 1, 'ExecutionStarted', {}),
      eventRow(arn, 2, 'ExecutionSucceeded', { output: '"done"' }),
    ];
    core.commit(batch({ executions: [whole], events: events(whole.executionArn) }));
    core.commit(batch({ executions: [split], events: events(split.executionArn).slice(0, 1) }));
    core.commit(batch({ events: events(split.executionArn).slice(1) }));
    expect(core.db.prepare('SELECT arn FROM updated').pluck().all()).toEqual([split.executionArn]);
    for (const row of [whole, split]) {
      expect(core.getExecution(row.executionArn)).toMatchObject({
        status: 'SUCCEEDED',
        output: '"done"',
        owner: undefined,
        leaseExpires: undefined,
      });
    }
    expect(core.listExecutions({ status: 'SUCCEEDED' })).toHaveLength(2);
    expect(core.listExecutions({ status: 'RUNNING' })).toEqual([]);
    core.close();
  });
});
