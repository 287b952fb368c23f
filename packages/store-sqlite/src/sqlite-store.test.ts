import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  createDurableRuntime,
  createVirtualClock,
  DuplicateTransitionError,
  type DurableExecution,
  DurableResourceNotFoundError,
  encodeChunk,
  executionValues,
  SchemaVersionMismatchError,
  StoreCorruptionError,
} from '@stepwise/runtime';
import {
  batch,
  describeStoreContract,
  eventRow,
  executionRow,
  settledRow,
} from '@stepwise/runtime/store-contract';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStoreClosedError, SqliteStoreOptionError } from './errors';
import { MIGRATIONS } from './schema';
import { SqliteStore } from './sqlite-store';

const dirs = new Map<SqliteStore, string>();

/** Waits (up to two seconds) for what another thread or a later turn does. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function openStore(
  synchronous: 'FULL' | 'NORMAL',
  thread: boolean,
  spinMicros?: number,
): Promise<SqliteStore> {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-sqlite-'));
  const store = new SqliteStore({ filename: join(dir, 'stepwise.db'), synchronous, thread, spinMicros });
  dirs.set(store, dir);
  return store;
}

/** A database file as a store of schema `version` left it, open for the test to fill. */
function databaseAtVersion(version: number): { dir: string; filename: string; old: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), `stepwise-v${version}-`));
  const filename = join(dir, `v${version}.db`);
  const old = new Database(filename);
  old.exec('CREATE TABLE stepwise_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  for (let applied = 1; applied <= version; applied++) {
    old.exec(MIGRATIONS[applied - 1] as string);
    old.prepare('INSERT INTO stepwise_migrations VALUES (?, 0)').run(applied);
  }
  return { dir, filename, old };
}

async function dispose(store: SqliteStore): Promise<void> {
  await store.close();
  rmSync(dirs.get(store) as string, { recursive: true, force: true });
}

/** A second connection to the store's file (WAL lets it read and write beside the store). */
function beside(store: SqliteStore): Database.Database {
  const db = new Database(store.filename);
  db.pragma('busy_timeout = 5000');
  return db;
}

for (const thread of [true, false]) {
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    describeStoreContract(
      `SQLite (synchronous=${synchronous}, thread: ${thread})`,
      { open: () => openStore(synchronous, thread), dispose },
      { describe, it, beforeEach, afterEach },
    );
  }
}
// A thread that sleeps as soon as it has answered (the default on one CPU) is woken for every call.
describeStoreContract(
  'SQLite (synchronous=NORMAL, thread: true, spinMicros: 0)',
  { open: () => openStore('NORMAL', true, 0), dispose },
  { describe, it, beforeEach, afterEach },
);

describe('SQLite store options', () => {
  it('refuses a spinMicros that is not a whole number of microseconds up to 10,000, naming it', () => {
    for (const spinMicros of [-1, 0.5, 10_001]) {
      for (const thread of [true, false]) {
        expect(() => new SqliteStore({ filename: ':memory:', spinMicros, thread })).toThrow(
          SqliteStoreOptionError,
        );
      }
    }
    expect(() => new SqliteStore({ filename: ':memory:', spinMicros: -1 })).toThrow(/'spinMicros'/);
  });
});

describe.each([true, false])('SQLite store (thread: %s)', (thread) => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await openStore('FULL', thread);
    await store.init();
  });
  afterEach(() => dispose(store));

  it('runs the file in WAL mode', () => {
    const db = beside(store);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('reports a history row with unparsable details as corruption, naming it', async () => {
    const row = executionRow('corrupt');
    await store.commit(
      batch({ executions: [row], events: [eventRow(row.executionArn, 1, 'ExecutionStarted', {})] }),
    );
    const db = beside(store);
    db.prepare('UPDATE event_chunks SET events = ?').run('[[1,0,"ExecutionStarted",1,":1",{not json');
    db.close();
    const runtime = createDurableRuntime({ store });
    await expect(runtime.getExecutionHistory(row.executionArn)).rejects.toThrow(StoreCorruptionError);
    await expect(runtime.getExecutionHistory(row.executionArn)).rejects.toThrow(/event 1 of .*corrupt/);
  });

  it('reports an unknown status and a bad integer as corruption', async () => {
    const row = executionRow('status');
    await store.commit(batch({ executions: [row] }));
    const db = beside(store);
    db.prepare('UPDATE executions SET status = ? WHERE arn = ?').run('MAYBE', row.executionArn);
    await expect(store.getExecution(row.executionArn)).rejects.toMatchObject({ code: 'STORE_CORRUPTED' });
    await expect(store.getExecution(row.executionArn)).rejects.toThrow(StoreCorruptionError);
    db.prepare('UPDATE executions SET status = ?, start_time = ? WHERE arn = ?').run(
      'RUNNING',
      'soon',
      row.executionArn,
    );
    db.close();
    await expect(store.getExecution(row.executionArn)).rejects.toThrow(/start_time/);
  });

  it('migrates a database written by the first schema: executions and events read back unchanged', async () => {
    const { dir, filename, old } = databaseAtVersion(1);
    const row = executionRow('old');
    old
      .prepare(`INSERT INTO executions VALUES (${Array(15).fill('?').join(', ')})`)
      .run(executionValues(row));
    const events = [
      eventRow(row.executionArn, 1, 'ExecutionStarted', { input: '{"n":1}' }),
      { ...eventRow(row.executionArn, 2, 'PassStateEntered'), details: undefined },
    ];
    for (const e of events) {
      old
        .prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(e.executionArn, e.id, e.previousEventId, e.type, e.time, e.position, e.details ?? null);
    }
    old.close();
    const migrated = new SqliteStore({ filename, thread });
    await migrated.init();
    expect(await migrated.getExecution(row.executionArn)).toEqual(row);
    expect(await migrated.listEvents(row.executionArn)).toEqual(events);
    await migrated.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates chunks keyed by execution to appended rows: histories read back and go on', async () => {
    const { dir, filename, old } = databaseAtVersion(2);
    const a = executionRow('a');
    const b = executionRow('b');
    const columns = `(${Array(15).fill('?').join(', ')})`;
    const insert = old.prepare(
      `INSERT INTO executions (arn, name, machine_arn, version_arn, definition_id, input, start_time, status,
        stop_time, output, error, cause, redrive_count, owner, lease_expires) VALUES ${columns}`,
    );
    const seqOf = (row: typeof a) => Number(insert.run(executionValues(row)).lastInsertRowid);
    const seqs = [seqOf(a), seqOf(b)];
    const history = (row: typeof a) => [
      eventRow(row.executionArn, 1, 'ExecutionStarted', { input: '{}' }),
      eventRow(row.executionArn, 2, 'PassStateEntered'),
      eventRow(row.executionArn, 3, 'PassStateExited'),
    ];
    // The second schema's keys: execution key * 2^20 + first event id; b's rows sit between a's.
    const chunk = old.prepare('INSERT INTO event_chunks (key, last_id, events) VALUES (?, ?, ?)');
    const [ha, hb] = [history(a), history(b)];
    chunk.run((seqs[1] as number) * 2 ** 20 + 1, 2, encodeChunk(hb.slice(0, 2)));
    chunk.run((seqs[0] as number) * 2 ** 20 + 1, 1, encodeChunk(ha.slice(0, 1)));
    chunk.run((seqs[0] as number) * 2 ** 20 + 2, 3, encodeChunk(ha.slice(1)));
    chunk.run((seqs[1] as number) * 2 ** 20 + 3, 3, encodeChunk(hb.slice(2)));
    old.close();

    const migrated = new SqliteStore({ filename, thread });
    await migrated.init();
    expect(await migrated.listEvents(a.executionArn)).toEqual(ha);
    expect(await migrated.listEvents(b.executionArn)).toEqual(hb);
    const next = eventRow(a.executionArn, 4, 'PassStateEntered', { name: 'Next' });
    await migrated.commit(batch({ events: [next] }));
    await expect(migrated.commit(batch({ events: [next] }))).rejects.toThrow(DuplicateTransitionError);
    expect(await migrated.listEvents(a.executionArn)).toEqual([...ha, next]);
    await migrated.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a database migrated by a newer store', async () => {
    const db = beside(store);
    db.prepare('INSERT INTO stepwise_migrations (version, applied_at) VALUES (?, ?)').run(99, 0);
    db.close();
    const again = new SqliteStore({ filename: store.filename, thread });
    await expect(again.init()).rejects.toThrow(SchemaVersionMismatchError);
    await expect(again.init()).rejects.toMatchObject({ found: 99, supported: MIGRATIONS.length });
    await again.close();
  });

  it('keeps an activity task across a restart: a worker polling the new process gets it', async () => {
    const first = createDurableRuntime({ store });
    const { activityArn } = await first.createActivity({ name: 'resize' });
    const definition = { StartAt: 'R', States: { R: { Type: 'Task', Resource: activityArn, End: true } } };
    const started = await first.startExecution(definition, { input: { width: 640 } });
    for (let i = 0; i < 200; i++) {
      if ((await started.history()).some((e) => e.type === 'ActivityScheduled')) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await first.close();
    await store.close();

    const reopened = new SqliteStore({ filename: store.filename, thread });
    const second = createDurableRuntime({ store: reopened });
    await second.recover();
    const task = await second.getActivityTask(activityArn, { workerName: 'after-restart' });
    expect(task?.input).toEqual({ width: 640 });
    await second.sendTaskSuccess(task?.taskToken as string, { done: true });
    const row = await settledRow(() => reopened.getExecution(started.executionArn), 1000);
    expect([row?.status, row?.output]).toEqual(['SUCCEEDED', '{"done":true}']);
    // Gone once the execution has succeeded: it can never be redriven.
    expect(await reopened.getTaskToken(task?.taskToken as string)).toBeUndefined();
    await second.close();
    await reopened.close();
  });

  it("keeps a task's heartbeat deadline across a reopen of the file", async () => {
    const before = createVirtualClock({ start: 0, autoAdvance: false });
    const first = createDurableRuntime({ store, clock: before });
    const { activityArn } = await first.createActivity({ name: 'encode' });
    const definition = {
      StartAt: 'E',
      States: { E: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 60, End: true } },
    };
    const started = await first.startExecution(definition);
    const token = (await first.getActivityTask(activityArn))?.taskToken as string;
    const dues = async (from: SqliteStore) => (await from.listTimers(started.executionArn)).map((t) => t.due);
    // Two heartbeats, each committed: the second moves the deadline a row already holds.
    before.advance(30_000);
    await first.sendTaskHeartbeat(token);
    await eventually(async () => (await dues(store))[0] === 90_000);
    before.advance(20_000);
    await first.sendTaskHeartbeat(token);
    await eventually(async () => (await dues(store))[0] === 110_000);
    await first.close();
    await store.close();

    const after = createVirtualClock({ start: 100_000, autoAdvance: false });
    const reopened = new SqliteStore({ filename: store.filename, thread });
    const second = createDurableRuntime({ store: reopened, clock: after });
    await second.recover();
    await eventually(async () => (await dues(reopened)).length > 0);
    expect(await dues(reopened)).toEqual([110_000]);
    after.advance(9_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await reopened.getExecution(started.executionArn))?.status).toBe('RUNNING');
    await second.sendTaskSuccess(token, 'encoded');
    const row = await settledRow(() => reopened.getExecution(started.executionArn), 1000);
    expect([row?.status, row?.output]).toEqual(['SUCCEEDED', '"encoded"']);
    await second.close();
    await reopened.close();
  });

  it('redrives a failed execution from its failed step, and reads its whole history back', async () => {
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:flaky';
    let broken = true;
    const runtime = createDurableRuntime({
      store,
      handlers: { [fn]: () => (broken ? Promise.reject(new Error('down')) : 'done') },
    });
    const started = await runtime.startExecution({
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: fn, End: true } },
    });
    expect((await started.result()).status).toBe('FAILED');
    broken = false;
    const redriven = await runtime.redriveExecution(started.executionArn);
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
    const history = await runtime.getExecutionHistory(started.executionArn);
    const types = history.map((event) => event.type);
    expect(history.map((event) => event.id)).toEqual(history.map((_, index) => index + 1));
    expect(types.slice(types.indexOf('ExecutionFailed'))).toEqual([
      'ExecutionFailed',
      'ExecutionRedriven',
      // The failed Task is scheduled again, as AWS does.
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    await runtime.close();
  });

  it('wakes an execution unloaded before a restart when it is due', async () => {
    const first = createDurableRuntime({ store, unloadAfterMs: 50 });
    const nap = { StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 3600, End: true } } };
    const started = await first.startExecution(nap, { input: 'rested' });
    for (let i = 0; i < 2000 && first.running > 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(first.running).toBe(0);
    await first.close();
    await store.close();

    // The restarted runtime's time moves only when the test says, so the Wait is not due when it
    // recovers, however slow the machine, and falls due when the hour has passed.
    const clock = createVirtualClock({ autoAdvance: false });
    const reopened = new SqliteStore({ filename: store.filename, thread });
    const second = createDurableRuntime({ store: reopened, clock });
    expect(await second.recover()).toEqual([]);
    expect((await reopened.getExecution(started.executionArn))?.status).toBe('RUNNING');
    clock.advance(3600 * 1000);
    const row = await settledRow(() => reopened.getExecution(started.executionArn), 10_000);
    expect([row?.status, row?.output]).toEqual(['SUCCEEDED', '"rested"']);
    await second.close();
    await reopened.close();
  });

  it('resumes, under the same owner name, what a run that was killed held', async () => {
    const first = createDurableRuntime({ store, owner: 'orders-service' });
    const nap = { StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 1, End: true } } };
    const started = await first.startExecution(nap, { input: 'rested' });
    // The file as a killed process leaves it: the execution held by 'orders-service', in its Wait.
    const killed = join(mkdtempSync(join(tmpdir(), 'stepwise-killed-')), 'killed.db');
    const copy = new Database(store.filename, { readonly: true });
    await copy.backup(killed);
    copy.close();
    await first.close();

    const reopened = new SqliteStore({ filename: killed, thread });
    await reopened.init();
    expect((await reopened.getExecution(started.executionArn))?.owner).toBe('orders-service');
    const second = createDurableRuntime({ store: reopened, owner: 'orders-service' });
    const resumed = await second.recover();
    expect(resumed.map((execution) => execution.executionArn)).toEqual([started.executionArn]);
    expect(await (resumed[0] as DurableExecution).result()).toEqual({
      status: 'SUCCEEDED',
      output: 'rested',
    });
    await second.close();
    await reopened.close();
    rmSync(dirname(killed), { recursive: true, force: true });
  });

  it("fails with the runtime's own error classes, across the thread too", async () => {
    const unknown = eventRow(executionRow('nowhere').executionArn, 1, 'ExecutionStarted', {});
    const missing = await store.commit(batch({ events: [unknown] })).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(DurableResourceNotFoundError);
    expect(missing).toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
      kind: 'execution',
      arn: unknown.executionArn,
    });
    await expect(store.publishVersion('arn:nope', undefined, 1)).rejects.toThrow(
      new DurableResourceNotFoundError('state machine', 'arn:nope').message,
    );
  });

  it('answers calls in the order they were made: a read right after a commit sees it', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => executionRow(`order-${i}`));
    const commits = rows.map((row) => store.commit(batch({ executions: [row] })));
    const read = store.listExecutions();
    await Promise.all(commits);
    expect((await read).length).toBe(rows.length);
  });

  it('close() lets every call made before it finish; later calls fail with SqliteStoreClosedError', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => executionRow(`drain-${i}`));
    const commits = rows.map((row) => store.commit(batch({ executions: [row] })));
    const closed = store.close();
    const late = store.getExecution(rows[0]?.executionArn as string).catch((error: unknown) => error);
    await expect(Promise.all(commits)).resolves.toHaveLength(rows.length);
    await closed;
    expect(await late).toBeInstanceOf(SqliteStoreClosedError);
    await expect(store.listExecutions()).rejects.toMatchObject({ code: 'SQLITE_STORE_CLOSED' });
    const db = beside(store);
    expect(db.prepare('SELECT COUNT(*) AS n FROM executions').get()).toEqual({ n: rows.length });
    db.close();
  });

  it('keeps executions across a reopen of the file', async () => {
    const runtime = createDurableRuntime({ store });
    const run = await runtime.startExecution(
      { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      { input: 7 },
    );
    expect(await run.result()).toEqual({ status: 'SUCCEEDED', output: 7 });
    const reopened = new SqliteStore({ filename: store.filename, thread });
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
