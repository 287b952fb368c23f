import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime, StoreCorruptionError } from '@stepwise/runtime';
import { settledRow } from '@stepwise/runtime/store-contract';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const chain = { StartAt: 'T', States: { T: { Type: 'Task', Resource: FN, End: true } } };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const arnOf = (name: string) => `arn:aws:states:us-east-1:123456789012:execution:StateMachine:${name}`;

/** A file holding executions a, b and c, left running by a runtime that stopped mid-task. */
async function leftRunning(thread: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-corrupt-'));
  dirs.push(dir);
  const filename = join(dir, 'stepwise.db');
  const first = new SqliteStore({ filename, thread });
  const stopped = createDurableRuntime({ store: first, handlers: { [FN]: () => new Promise(() => {}) } });
  for (const name of ['a', 'b', 'c']) await stopped.startExecution(chain, { name, input: { name } });
  await stopped.close();
  await first.close();
  return filename;
}

function damage(filename: string, sql: string): void {
  const db = new Database(filename);
  db.prepare(sql).run();
  db.close();
}

async function statusOnceSettled(store: SqliteStore, name: string): Promise<string | undefined> {
  return (await settledRow(() => store.getExecution(arnOf(name)), 2000))?.status;
}

describe.each([true, false])('an execution that cannot be read (thread: %s)', (thread) => {
  const damaged = {
    'an input that is not JSON': "UPDATE executions SET input = '{not json' WHERE name = 'b'",
    'a status the runtime never writes': "UPDATE executions SET status = 'Running' WHERE name = 'b'",
    'a history that is not JSON':
      "UPDATE event_chunks SET events = '[not json' WHERE seq = (SELECT seq FROM executions WHERE name = 'b')",
  };
  for (const [what, sql] of Object.entries(damaged)) {
    it(`fails the recovery by name and holds back none of the others: ${what}`, async () => {
      const filename = await leftRunning(thread);
      damage(filename, sql);
      const store = new SqliteStore({ filename, thread });
      const runtime = createDurableRuntime({ store, handlers: { [FN]: async (input) => input } });
      try {
        const recovery = runtime.recover();
        await expect(recovery).rejects.toThrow(StoreCorruptionError);
        await expect(recovery).rejects.toThrow(/execution:StateMachine:b/);
        for (const name of ['a', 'c']) {
          expect([name, await statusOnceSettled(store, name)]).toEqual([name, 'SUCCEEDED']);
        }
      } finally {
        await runtime.close();
        await store.close();
      }
    });
  }

  it('resumes an unloaded execution whose wake time is not a number, as one that is due', async () => {
    const filename = await leftRunning(thread);
    damage(
      filename,
      "UPDATE executions SET wake_at = 'soon', owner = NULL, lease_expires = NULL WHERE name = 'b'",
    );
    const store = new SqliteStore({ filename, thread });
    const runtime = createDurableRuntime({ store, handlers: { [FN]: async (input) => input } });
    try {
      await runtime.recover();
      for (const name of ['a', 'b', 'c']) {
        expect([name, await statusOnceSettled(store, name)]).toEqual([name, 'SUCCEEDED']);
      }
    } finally {
      await runtime.close();
      await store.close();
    }
  });

  it('gives no wake time it cannot read (the unloader would wait on it)', async () => {
    const filename = await leftRunning(thread);
    damage(filename, "UPDATE executions SET wake_at = 'soon' WHERE name = 'b'");
    const store = new SqliteStore({ filename, thread });
    try {
      await store.init();
      expect(await store.nextWake()).toBeUndefined();
      damage(filename, "UPDATE executions SET wake_at = 7200000 WHERE name = 'c'");
      expect(await store.nextWake()).toBe(7200000);
    } finally {
      await store.close();
    }
  });
});

describe.each([true, false])('store calls on a row that cannot be read (thread: %s)', (thread) => {
  it('leave a redrive undone when the redriven row cannot be read back', async () => {
    const filename = await leftRunning(thread);
    const failed = "UPDATE executions SET status = 'FAILED', error = 'Boom', stop_time = 5 WHERE name = 'b'";
    damage(filename, failed);
    damage(filename, "UPDATE executions SET input = '{not json' WHERE name = 'b'");
    const store = new SqliteStore({ filename, thread });
    try {
      await store.init();
      await expect(store.redrive(arnOf('b'), 'me', 60_000, Date.now())).rejects.toThrow(StoreCorruptionError);
      const db = new Database(filename, { readonly: true });
      const row = db.prepare("SELECT status, error, redrive_count, owner FROM executions WHERE name = 'b'").get();
      db.close();
      expect(row).toEqual({ status: 'FAILED', error: 'Boom', redrive_count: 0, owner: null });
    } finally {
      await store.close();
    }
  });
});
