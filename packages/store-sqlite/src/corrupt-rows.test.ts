import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime, StoreCorruptionError } from '@stepwise/runtime';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const chain = { StartAt: 'T', States: { T: { Type: 'Task', Resource: FN, End: true } } };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.each([true, false])('an execution row that cannot be read (thread: %s)', (thread) => {
  it('fails the recovery by name and holds back none of the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-corrupt-'));
    dirs.push(dir);
    const filename = join(dir, 'stepwise.db');
    // Three executions left running by a runtime that stops while their tasks are in flight.
    const first = new SqliteStore({ filename, thread });
    const stopped = createDurableRuntime({ store: first, handlers: { [FN]: () => new Promise(() => {}) } });
    for (const name of ['a', 'b', 'c']) await stopped.startExecution(chain, { name, input: { name } });
    await stopped.close();
    await first.close();
    const db = new Database(filename);
    db.prepare("UPDATE executions SET input = '{not json' WHERE name = 'b'").run();
    db.close();

    const store = new SqliteStore({ filename, thread });
    const runtime = createDurableRuntime({ store, handlers: { [FN]: async (input) => input } });
    try {
      const recovery = runtime.recover();
      await expect(recovery).rejects.toThrow(StoreCorruptionError);
      await expect(recovery).rejects.toThrow(/execution:StateMachine:b/);
      for (const name of ['a', 'c']) {
        const arn = `arn:aws:states:us-east-1:123456789012:execution:StateMachine:${name}`;
        let row = await store.getExecution(arn);
        for (let i = 0; i < 400 && row?.status === 'RUNNING'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          row = await store.getExecution(arn);
        }
        expect([name, row?.status]).toEqual([name, 'SUCCEEDED']);
      }
    } finally {
      await runtime.close();
      await store.close();
    }
  });
});
