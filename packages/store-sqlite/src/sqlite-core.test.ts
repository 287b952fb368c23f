import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('refuses calls before init(), and closes once however often asked', () => {
    const core = new SqliteCore({ filename: join(dir, 'early.db') });
    expect(() => core.getExecution('arn')).toThrow(SqliteStoreNotInitializedError);
    core.init();
    expect(core.getExecution('arn')).toBeUndefined();
    core.close();
    core.close();
    expect(core.db.open).toBe(false);
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
});
