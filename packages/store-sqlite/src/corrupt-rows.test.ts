import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime, ExecutionsNotResumedError, StoreCorruptionError } from '@stepwise/runtime';
import { approval, settledRow, tokenBox } from '@stepwise/runtime/store-contract';
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

  it('names every execution it could not resume, and resumes the rest', async () => {
    const filename = await leftRunning(thread);
    damage(filename, "UPDATE executions SET input = '{not json' WHERE name = 'b'");
    damage(filename, "UPDATE executions SET input = '[not json' WHERE name = 'c'");
    const store = new SqliteStore({ filename, thread });
    const runtime = createDurableRuntime({ store, handlers: { [FN]: async (input) => input } });
    try {
      const recovery = runtime.recover();
      await expect(recovery).rejects.toBeInstanceOf(ExecutionsNotResumedError);
      await expect(recovery).rejects.toMatchObject({
        code: 'EXECUTIONS_NOT_RESUMED',
        failures: [
          { executionArn: arnOf('b'), error: expect.any(StoreCorruptionError) },
          { executionArn: arnOf('c'), error: expect.any(StoreCorruptionError) },
        ],
      });
      expect(await statusOnceSettled(store, 'a')).toBe('SUCCEEDED');
    } finally {
      await runtime.close();
      await store.close();
    }
  });

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
      const row = db
        .prepare("SELECT status, error, redrive_count, owner FROM executions WHERE name = 'b'")
        .get();
      db.close();
      expect(row).toEqual({ status: 'FAILED', error: 'Boom', redrive_count: 0, owner: null });
    } finally {
      await store.close();
    }
  });
});

describe.each([true, false])(
  'one task or execution row that cannot be read, beside good ones (thread: %s)',
  (thread) => {
    const fresh = () => {
      const dir = mkdtempSync(join(tmpdir(), 'stepwise-corrupt-'));
      dirs.push(dir);
      return join(dir, 'stepwise.db');
    };

    it("holds back no other execution's stored answer, and fails its own task with States.Runtime", async () => {
      const filename = fresh();
      const first = new SqliteStore({ filename, thread });
      const box = tokenBox();
      const before = createDurableRuntime({ store: first, handlers: box.handlers });
      await before.startExecution(approval, { name: 'a' });
      await before.startExecution(approval, { name: 'b' });
      while (box.tokens.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await before.close();
      // While the process is down, both are answered through the store, as a queue consumer would.
      for (const [i, token] of box.tokens.entries()) {
        const arn = (await first.getTaskToken(token))?.executionArn as string;
        await first.answerTask(token, arn, {
          kind: 'SUCCESS',
          output: JSON.stringify(arn.endsWith(':a') ? 'A' : 'B'),
        });
        expect(i).toBeLessThan(2);
      }
      await first.close();
      damage(filename, `UPDATE task_tokens SET input = x'00' WHERE execution_arn = '${arnOf('a')}'`);
      const store = new SqliteStore({ filename, thread });
      const runtime = createDurableRuntime({ store, handlers: tokenBox().handlers });
      try {
        await runtime.recover();
        expect(await statusOnceSettled(store, 'b')).toBe('SUCCEEDED');
        expect(await statusOnceSettled(store, 'a')).toBe('FAILED');
        expect(await store.getExecution(arnOf('a'))).toMatchObject({
          error: 'States.Runtime',
          cause: expect.stringMatching(/task token .* input/),
        });
      } finally {
        await runtime.close();
        await store.close();
      }
    });

    for (const [what, input] of [
      ['a blob', "x'00'"],
      ['text that is not JSON', "'{not json'"],
    ]) {
      it(`hands out the next activity task past one whose input is ${what}, whose own task fails`, async () => {
        const filename = fresh();
        const store = new SqliteStore({ filename, thread });
        const runtime = createDurableRuntime({ store });
        try {
          const activity = await runtime.createActivity({ name: 'pack' });
          const work = {
            StartAt: 'Pack',
            States: { Pack: { Type: 'Task', Resource: activity.activityArn, End: true } },
          };
          const older = await runtime.startExecution(work, { name: 'older', input: { n: 1 } });
          await new Promise((resolve) => setTimeout(resolve, 20));
          const newer = await runtime.startExecution(work, { name: 'newer', input: { n: 2 } });
          await new Promise((resolve) => setTimeout(resolve, 20));
          damage(
            filename,
            `UPDATE task_tokens SET input = ${input} WHERE execution_arn = '${older.executionArn}'`,
          );
          const task = await runtime.getActivityTask(activity.activityArn, {
            signal: AbortSignal.timeout(2000),
          });
          expect(task?.input).toEqual({ n: 2 });
          await runtime.sendTaskSuccess(task?.taskToken as string, { packed: 2 });
          expect(await newer.result()).toEqual({ status: 'SUCCEEDED', output: { packed: 2 } });
          expect(await older.result()).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
        } finally {
          await runtime.close();
          await store.close();
        }
      });
    }

    it("fails only the handle of an execution whose row cannot be read, not the others' results", async () => {
      const filename = fresh();
      const store = new SqliteStore({ filename, thread });
      const runtime = createDurableRuntime({ store, unloadAfterMs: 50, pollMs: 50 });
      const nap = (seconds: number) => ({
        StartAt: 'W',
        States: { W: { Type: 'Wait', Seconds: seconds, End: true } },
      });
      try {
        const good = await runtime.startExecution(nap(1), { name: 'good' });
        const bad = await runtime.startExecution(nap(60), { name: 'bad' });
        const results = [good.result(), bad.result()];
        results[1]?.catch(() => {});
        // Both leave memory, so their handles wait on the store's answer.
        await new Promise((resolve) => setTimeout(resolve, 300));
        damage(filename, "UPDATE executions SET status = 'Running' WHERE name = 'bad'");
        expect(await results[0]).toEqual({ status: 'SUCCEEDED', output: {} });
        await expect(results[1]).rejects.toThrow(StoreCorruptionError);
      } finally {
        await runtime.close();
        await store.close();
      }
    });
  },
);
