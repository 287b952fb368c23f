import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
