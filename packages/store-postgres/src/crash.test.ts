import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDurableRuntime,
  createSeededRandom,
  type ExecutionResult,
  InMemoryDurableStore,
  type StoredExecution,
} from '@stepwise/runtime';
import {
  checkCrashOutcome,
  crashHandlers,
  crashRuns,
  uninterruptedResults,
} from '@stepwise/runtime/store-contract';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store';
import { dropSchema, SKIP_REASON, TEST_POSTGRES_URL, uniqueSchema } from './test-database';

const here = dirname(fileURLToPath(import.meta.url));
const built = ['../dist/index.js', '../../runtime/dist/store-contract.js'].every((p) =>
  existsSync(join(here, p)),
);
const WORKERS = 4;
const RUNS = 120;
const KILLS = Number(process.env.STEPWISE_PG_CRASH_KILLS ?? 60);
const LEASE_MS = 1000;

function launch(args: readonly string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(here, 'worker-child.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    proc.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(proc);
    });
    proc.on('error', reject);
    proc.on('exit', () => resolve(proc));
  });
}

const exited = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.on('exit', () => resolve());
  });

function uninterrupted(): Promise<Map<string, ExecutionResult>> {
  const runtime = createDurableRuntime({
    store: new InMemoryDurableStore(),
    handlers: crashHandlers(
      () => {},
      (token, output) => runtime.sendTaskSuccess(token, output),
    ),
  });
  return uninterruptedResults(runtime, crashRuns(RUNS, 'pg'));
}

if (!TEST_POSTGRES_URL) console.log(SKIP_REASON);
if (TEST_POSTGRES_URL && !built)
  console.log('PostgreSQL crash test skipped: build the packages first (pnpm build).');

describe.skipIf(!TEST_POSTGRES_URL || !built)(
  'PostgreSQL: 4 workers killed and leases forced to expire',
  () => {
    it(`finishes every execution exactly once (${KILLS} kills)`, async () => {
      const schema = uniqueSchema('crash');
      const dir = mkdtempSync(join(tmpdir(), 'stepwise-pg-crash-'));
      const effects = join(dir, 'effects.log');
      writeFileSync(effects, '');
      const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
      const args = [TEST_POSTGRES_URL as string, schema, effects, String(LEASE_MS), String(RUNS)];
      const workers: ChildProcess[] = [];
      try {
        await store.init();
        for (let i = 0; i < WORKERS; i++) workers.push(await launch(args));
        const client = createDurableRuntime({ store });
        const runs = crashRuns(RUNS, 'pg');
        const random = createSeededRandom(4242);
        let kills = 0;
        let steals = 0;
        for (let i = 0; i < KILLS; i++) {
          // Executions keep arriving while workers die.
          for (const run of runs.slice(i * 2, i * 2 + 2)) {
            await client.startExecution(run.definition, { name: run.name, input: run.input, enqueue: true });
          }
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(random() * 300)));
          const victim = Math.floor(random() * WORKERS);
          const proc = workers[victim] as ChildProcess;
          proc.kill('SIGKILL');
          kills++;
          await exited(proc);
          workers[victim] = await launch(args);
          if (i % 2 === 0) {
            // Leases taken from live workers: they must notice (fencing) and never write again.
            const { rowCount } = await store.pool.query(
              `UPDATE ${schema}.executions SET lease_expires = 0 WHERE status = 'RUNNING' AND random() < 0.5`,
            );
            steals += rowCount ?? 0;
          }
        }
        for (const run of runs.slice(KILLS * 2)) {
          await client.startExecution(run.definition, { name: run.name, input: run.input, enqueue: true });
        }
        // One worker stops gracefully: it hands its leases back.
        const leaving = workers[0] as ChildProcess;
        leaving.kill('SIGTERM');
        await exited(leaving);
        workers[0] = await launch(args);
        // Done once nothing runs and nothing waits for its redrive.
        // Decided from one read of every row: between two reads a worker could redrive a run.
        const redriven = new Set(runs.filter((run) => run.redriveOnce).map((run) => run.executionArn));
        const settled = (rows: readonly StoredExecution[]) =>
          !rows.some(
            (row) =>
              row.status === 'RUNNING' ||
              (row.status === 'FAILED' && redriven.has(row.executionArn) && row.redriveCount === 0),
          );
        for (let waited = 0; waited < 90_000; waited += 200) {
          if (settled(await store.listExecutions())) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const report = await checkCrashOutcome(
          store,
          runs,
          await uninterrupted(),
          readFileSync(effects, 'utf8').split('\n').filter(Boolean),
          { kills, leaseSteals: true },
        );
        console.log(
          `PostgreSQL crash: ${WORKERS} workers, ${kills} kills, ${steals} leases forced to expire, ${report.executions} executions (${report.children} of them distributed Map children), ${report.events} events, ${report.redriven} redriven, ${report.reruns} invocations ran again, ${report.staleOwnerStarts} started by an owner whose lease had been taken`,
        );
        for (const problem of report.problems) console.log(`problem: ${problem}`);
        expect(report.problems).toEqual([]);
        expect(report.redriven).toBe(redriven.size);
      } finally {
        for (const proc of workers) proc.kill('SIGKILL');
        await Promise.all(workers.map(exited));
        await store.close();
        await dropSchema(schema);
        rmSync(dir, { recursive: true, force: true });
      }
    }, 170_000);
  },
);
