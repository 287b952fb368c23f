import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableRuntime, type ExecutionResult } from '@stepwise/runtime';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const oneTask = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: fn('work'), End: true } } };

describe.each([true, false])('SQLite (thread: %s): stopping an execution as it ends', (thread) => {
  it('keeps its one end: a stop right after it ended in memory finds it SUCCEEDED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-stop-'));
    const store = new SqliteStore({ filename: join(dir, 'stop.db'), thread });
    const pending: Array<(value: unknown) => void> = [];
    const runtime = createDurableRuntime({
      store,
      handlers: { [fn('work')]: () => new Promise((resolve) => pending.push(resolve)) },
    });
    try {
      const started = await runtime.startExecution(oneTask, { name: 'order-9' });
      while (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      // Runs once the engine has ended the execution in memory, before its end is committed.
      const stopping = new Promise<[{ stopDate: Date }, ExecutionResult]>((resolve, reject) =>
        setImmediate(() =>
          Promise.all([
            runtime.stopExecution(started.executionArn, { cause: 'late' }),
            started.result(),
          ]).then(resolve, reject),
        ),
      );
      pending[0]?.('done');
      const [{ stopDate }, result] = await stopping;
      const events = await store.listEvents(started.executionArn);
      expect(events.filter((e) => e.type.startsWith('Execution')).map((e) => e.type)).toEqual([
        'ExecutionStarted',
        'ExecutionSucceeded',
      ]);
      const row = await store.getExecution(started.executionArn);
      expect([row?.status, row?.stopTime]).toEqual(['SUCCEEDED', stopDate.getTime()]);
      expect(result).toEqual({ status: 'SUCCEEDED', output: 'done' });
    } finally {
      await runtime.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
