import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SqliteThreadExitedError } from './errors';
import { SqliteThread } from './thread-client';

const here = dirname(fileURLToPath(import.meta.url));
const built =
  existsSync(join(here, '../dist/index.js')) && existsSync(join(here, '../dist/sqlite-thread.js'));

/** A stand-in thread that runs `onMessage` for each call instead of answering it. */
function thread(onMessage: string, options: WorkerOptions = {}): SqliteThread {
  const code = `require('node:worker_threads').parentPort.on('message', () => { ${onMessage} });`;
  return new SqliteThread(new Worker(code, { ...options, eval: true }));
}

async function failure(call: Promise<unknown>): Promise<SqliteThreadExitedError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SqliteThreadExitedError);
  return error as SqliteThreadExitedError;
}

describe('SQLite writer thread, when it dies', () => {
  it('fails every call waiting and every later call with SqliteThreadExitedError', async () => {
    const dying = thread('process.exit(3)');
    const waiting = [
      dying.call('nextWake'),
      dying.call('listExecutions'),
      dying.call('getExecution', 'arn:x'),
    ];
    for (const call of waiting) expect((await failure(call)).exitCode).toBe(3);
    const later = await failure(dying.call('nextWake'));
    expect(later.code).toBe('SQLITE_THREAD_EXITED');
    await expect(dying.close()).resolves.toBeUndefined();
  });

  it('fails the first call of a thread that could not start; close() still settles', async () => {
    const stillborn = new SqliteThread(new Worker("throw new Error('no start')", { eval: true }));
    expect((await failure(stillborn.call('init'))).message).toMatch(/no start/);
    await expect(stillborn.close()).resolves.toBeUndefined();
    const closing = new SqliteThread(new Worker("throw new Error('no start')", { eval: true }));
    await expect(closing.close()).resolves.toBeUndefined();
  });

  it('names what killed it: an uncaught error', async () => {
    const error = await failure(thread("throw new Error('boom')").call('nextWake'));
    expect((error.cause as Error).message).toBe('boom');
    expect(error.message).toMatch(/boom/);
  });

  it('names what killed it: running out of memory', async () => {
    const hog = thread('const kept = []; for (;;) kept.push(new Array(1e5).fill(Math.random()));', {
      resourceLimits: { maxOldGenerationSizeMb: 16 },
    });
    const error = await failure(hog.call('nextWake'));
    expect(error.cause).toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
  });
});

describe.skipIf(!built)('SQLite writer thread and the life of the process', () => {
  it('holds the process while a call waits, and not once idle: a store never closed does not pin it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-idle-'));
    try {
      const script = [
        "import { SqliteStore } from '@stepwise/store-sqlite';",
        'const store = new SqliteStore({ filename: process.argv[1] });',
        'await store.init();',
        'console.log(JSON.stringify(await store.listExecutions()));',
      ].join('\n');
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, join(dir, 'idle.db')], {
        cwd: join(here, '..'),
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect([child.status, child.signal, child.stdout]).toEqual([0, null, '[]\n']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
