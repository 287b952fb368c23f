import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime, SchemaVersionMismatchError, StoreCorruptionError } from '@stepwise/runtime';
import { batch, describeStoreContract, eventRow, executionRow } from '@stepwise/runtime/store-contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const dirs = new Map<SqliteStore, string>();

async function openStore(synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<SqliteStore> {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-sqlite-'));
  const store = new SqliteStore({ filename: join(dir, 'stepwise.db'), synchronous });
  dirs.set(store, dir);
  return store;
}

async function dispose(store: SqliteStore): Promise<void> {
  await store.close();
  rmSync(dirs.get(store) as string, { recursive: true, force: true });
}

describeStoreContract(
  'SQLite (synchronous=FULL)',
  { open: () => openStore('FULL'), dispose },
  {
    describe,
    it,
    beforeEach,
    afterEach,
  },
);
describeStoreContract(
  'SQLite (synchronous=NORMAL)',
  { open: () => openStore('NORMAL'), dispose },
  {
    describe,
    it,
    beforeEach,
    afterEach,
  },
);

describe('SQLite store', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await openStore();
    await store.init();
  });
  afterEach(() => dispose(store));

  it('runs in WAL mode with synchronous=FULL by default', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('reports a history row with unparsable details as corruption, naming it', async () => {
    const row = executionRow('corrupt');
    await store.commit(
      batch({ executions: [row], events: [eventRow(row.executionArn, 1, 'ExecutionStarted', {})] }),
    );
    store.db
      .prepare('UPDATE events SET details = ? WHERE execution_arn = ?')
      .run('{not json', row.executionArn);
    const runtime = createDurableRuntime({ store });
    await expect(runtime.getExecutionHistory(row.executionArn)).rejects.toThrow(StoreCorruptionError);
    await expect(runtime.getExecutionHistory(row.executionArn)).rejects.toThrow(/event 1 of .*corrupt/);
  });

  it('reports an unknown status and a bad integer as corruption', async () => {
    const row = executionRow('status');
    await store.commit(batch({ executions: [row] }));
    store.db.prepare('UPDATE executions SET status = ? WHERE arn = ?').run('MAYBE', row.executionArn);
    await expect(store.getExecution(row.executionArn)).rejects.toMatchObject({ code: 'STORE_CORRUPTED' });
    store.db
      .prepare('UPDATE executions SET status = ?, start_time = ? WHERE arn = ?')
      .run('RUNNING', 'soon', row.executionArn);
    await expect(store.getExecution(row.executionArn)).rejects.toThrow(/start_time/);
  });

  it('refuses a database migrated by a newer store', async () => {
    store.db.prepare('INSERT INTO stepwise_migrations (version, applied_at) VALUES (?, ?)').run(99, 0);
    const again = new SqliteStore({ filename: store.db.name });
    await expect(again.init()).rejects.toThrow(SchemaVersionMismatchError);
    await again.close();
  });

  it('keeps executions across a reopen of the file', async () => {
    const runtime = createDurableRuntime({ store });
    const run = await runtime.startExecution(
      { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      { input: 7 },
    );
    expect(await run.result()).toEqual({ status: 'SUCCEEDED', output: 7 });
    const reopened = new SqliteStore({ filename: store.db.name });
    await reopened.init();
    expect((await reopened.getExecution(run.executionArn))?.status).toBe('SUCCEEDED');
    expect((await reopened.listEvents(run.executionArn)).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    await reopened.close();
  });
});
