import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime, StoreCorruptionError } from '@stepwise/runtime';
import { settledRow } from '@stepwise/runtime/store-contract';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const work = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const other = 'arn:aws:lambda:us-east-1:123456789012:function:other';
const two = {
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: work, Next: 'U' }, U: { Type: 'Task', Resource: other, End: true } },
};
const arnOf = (name: string) => `arn:aws:states:us-east-1:123456789012:execution:StateMachine:${name}`;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function onFile(filename: string, run: (db: Database.Database) => void): void {
  const db = new Database(filename);
  try {
    run(db);
  } finally {
    db.close();
  }
}

/** A file whose execution `b` is stored in two chunk rows or more, FAILED at its second task. */
async function failedInTwoChunks(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-holes-'));
  dirs.push(dir);
  const filename = join(dir, 'stepwise.db');
  const first = new SqliteStore({ filename });
  const down = createDurableRuntime({
    store: first,
    handlers: { [work]: async () => 1, [other]: () => new Promise(() => {}) },
  });
  const started = await down.startExecution(two, { name: 'b' });
  // Committed up to the second task's call, which never answers.
  for (let waited = 0; waited < 3000 && (await started.history()).length < 6; waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await down.close();
  await first.close();
  const second = new SqliteStore({ filename });
  const failing = createDurableRuntime({
    store: second,
    handlers: {
      [work]: async () => 1,
      [other]: () => {
        throw new Error('boom');
      },
    },
  });
  await failing.recover();
  expect((await settledRow(() => second.getExecution(arnOf('b'))))?.status).toBe('FAILED');
  await failing.close();
  await second.close();
  return filename;
}

describe('a history missing a chunk row between others (deleted by hand, or a damaged page)', () => {
  it('is reported as corruption naming the missing events, by history and by redrive, which changes nothing', async () => {
    const filename = await failedInTwoChunks();
    onFile(filename, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM event_chunks').get()).toMatchObject({ n: 2 });
      db.exec('DELETE FROM event_chunks WHERE first_id = 1');
    });
    const store = new SqliteStore({ filename });
    const runtime = createDurableRuntime({
      store,
      handlers: { [work]: async () => 1, [other]: async () => 2 },
    });
    try {
      await expect(runtime.getExecutionHistory(arnOf('b'))).rejects.toThrow(StoreCorruptionError);
      await expect(runtime.redriveExecution(arnOf('b'))).rejects.toThrow(
        `history of ${arnOf('b')}: events 1 to`,
      );
      onFile(filename, (db) => {
        const row = db.prepare("SELECT status, redrive_count, owner FROM executions WHERE name = 'b'").get();
        expect(row).toEqual({ status: 'FAILED', redrive_count: 0, owner: null });
      });
    } finally {
      await runtime.close();
      await store.close();
    }
  });
});
