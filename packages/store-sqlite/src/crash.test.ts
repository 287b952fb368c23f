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
} from '@stepwise/runtime';
import {
  checkCrashOutcome,
  crashHandlers,
  crashRuns,
  uninterruptedResults,
} from '@stepwise/runtime/store-contract';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, 'crash-child.mjs');
const built = ['../dist/index.js', '../../runtime/dist/store-contract.js'].every((p) =>
  existsSync(join(here, p)),
);
const LANES = 2;
const KILLS_PER_LANE = Number(process.env.STEPWISE_CRASH_KILLS ?? 100);
/** Lives per lane at most: a life whose work ran out exits before it can be killed. */
const MAX_LIVES = KILLS_PER_LANE * 1.5;
const RUNS_PER_LANE = 240;
/** New executions per life: the work spreads over (nearly) every life the test kills. */
const STARTS_PER_LIFE = 2;

/** Starts one life of the child; resolves once it has resumed (READY) and returns it. */
function launch(args: readonly string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(proc);
    });
    proc.on('error', reject);
    proc.on('exit', () => resolve(proc));
  });
}

const exited = (proc: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
    else proc.on('exit', (code) => resolve(code));
  });

/** Runs the workflows once, undisturbed, for the outputs every killed run must end with. */
function uninterrupted(prefix: string): Promise<Map<string, ExecutionResult>> {
  const runtime = createDurableRuntime({
    store: new InMemoryDurableStore(),
    handlers: crashHandlers(
      () => {},
      (token, output) => runtime.sendTaskSuccess(token, output),
    ),
  });
  return uninterruptedResults(runtime, crashRuns(RUNS_PER_LANE, prefix));
}

/** Kills the child again and again at seeded random moments, then lets it finish. */
async function killRepeatedly(
  lane: number,
  dir: string,
): Promise<{ kills: number; db: string; effects: string }> {
  const db = join(dir, `lane-${lane}.db`);
  const effects = join(dir, `lane-${lane}.effects`);
  writeFileSync(effects, '');
  const random = createSeededRandom(20_240_101 + lane);
  const args = [db, effects, String(RUNS_PER_LANE), `lane${lane}`, String(STARTS_PER_LIFE)];
  let kills = 0;
  for (let life = 0; kills < KILLS_PER_LANE && life < MAX_LIVES; life++) {
    const proc = await launch(args);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 350)));
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      kills++;
    }
    await exited(proc);
  }
  const last = await launch([...args.slice(0, 4), String(RUNS_PER_LANE)]);
  expect(await exited(last)).toBe(0);
  return { kills, db, effects };
}

describe.skipIf(!built)('SQLite: killed with SIGKILL at random moments, resumed each time', () => {
  it(`finishes every execution as if never interrupted (${LANES} x ${KILLS_PER_LANE} kills)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-crash-'));
    try {
      const lanes = await Promise.all(Array.from({ length: LANES }, (_, lane) => killRepeatedly(lane, dir)));
      let totalKills = 0;
      for (const [lane, outcome] of lanes.entries()) {
        totalKills += outcome.kills;
        const store = new SqliteStore({ filename: outcome.db });
        await store.init();
        const report = await checkCrashOutcome(
          store,
          crashRuns(RUNS_PER_LANE, `lane${lane}`),
          await uninterrupted(`lane${lane}`),
          readFileSync(outcome.effects, 'utf8').split('\n').filter(Boolean),
          { kills: outcome.kills },
        );
        await store.close();
        console.log(
          `SQLite crash lane ${lane}: ${outcome.kills} kills, ${report.executions} executions (${report.children} of them distributed Map children), ${report.events} events, ${report.redriven} redriven, ${report.reruns} invocations ran again`,
        );
        expect(report.problems).toEqual([]);
        expect(report.redriven).toBe(crashRuns(RUNS_PER_LANE).filter((run) => run.redriveOnce).length);
      }
      expect(totalKills).toBe(LANES * KILLS_PER_LANE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

if (!built) console.log('SQLite crash test skipped: build the packages first (pnpm build).');
