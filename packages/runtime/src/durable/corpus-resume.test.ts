import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { TaskFailedError } from '../errors/runtime-errors';
import type { TaskHandler } from '../tasks/task-handler';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const casesDir = path.resolve(repoRoot, '../shared/conformance/cases');

interface CorpusCase {
  readonly definition: unknown;
  readonly input?: unknown;
  readonly notes?: string;
  readonly context?: { readonly Execution?: { readonly Name?: string } };
  readonly handlers?: Record<
    string,
    { kind: 'echo' | 'return' | 'throw'; value?: unknown; error?: string; cause?: string }
  >;
}

const handlerOf = (spec: NonNullable<CorpusCase['handlers']>[string]): TaskHandler => {
  if (spec.kind === 'echo') return (input) => input;
  if (spec.kind === 'return') return () => spec.value;
  return () => {
    throw new TaskFailedError(spec.error as string, spec.cause);
  };
};

/** A durable runtime for a case: its test functions, a virtual clock, everything kept in memory. */
const runtimeFor = (testCase: CorpusCase, store: InMemoryDurableStore) =>
  createDurableRuntime({
    store,
    handlers: Object.fromEntries(
      Object.entries(testCase.handlers ?? {}).map(([resource, spec]) => [resource, handlerOf(spec)]),
    ),
    clock: createVirtualClock({ start: Date.parse('2024-01-01T00:00:00Z') }),
    unloadAfterMs: Number.POSITIVE_INFINITY,
  });

const summary = (events: readonly { id: number; previousEventId: number; type: string }[]) =>
  events.map((e) => `${e.id}/${e.previousEventId}/${e.type}`);

/**
 * Runs a case without interruption, then once for every event of its history: from a store that
 * holds the events up to that one (as a process killed right after committing it leaves it), a
 * new runtime recovers the execution. Returns the crash points whose outcome or history differ.
 */
async function crashEverywhere(testCase: CorpusCase): Promise<{ points: number; differing: string[] }> {
  const store = new InMemoryDurableStore();
  const runtime = runtimeFor(testCase, store);
  let started: Awaited<ReturnType<typeof runtime.startExecution>>;
  try {
    started = await runtime.startExecution(testCase.definition as object, {
      input: testCase.input,
      name: testCase.context?.Execution?.Name ?? 'test_execution',
    });
  } catch {
    // A definition the runtime refuses has nothing to resume.
    await runtime.close();
    return { points: 0, differing: [] };
  }
  const outcome = JSON.stringify(await started.result());
  const history = summary(await started.history());
  await runtime.close();
  const row = (await store.getExecution(started.executionArn)) as NonNullable<
    Awaited<ReturnType<typeof store.getExecution>>
  >;
  const events = await store.listEvents(started.executionArn);
  const definition = (await store.getDefinition(row.definitionId)) as string;
  const differing: string[] = [];
  for (let kept = 1; kept < events.length; kept++) {
    const left = new InMemoryDurableStore();
    await left.putDefinition(row.definitionId, definition);
    const running = { ...row, status: 'RUNNING' as const, stopTime: undefined, output: undefined };
    await left.commit({
      executions: [{ ...running, error: undefined, cause: undefined, owner: 'killed', leaseExpires: 0 }],
      events: events.slice(0, kept),
      timersSet: [],
      timersCleared: [],
      owner: undefined,
    });
    const next = runtimeFor(testCase, left);
    const [resumed] = await next.recover();
    const again = resumed && JSON.stringify(await resumed.result());
    const replayed = resumed ? summary(await resumed.history()) : [];
    await next.close();
    if (again !== outcome || replayed.join() !== history.join()) differing.push(`after event ${kept}`);
  }
  return { points: events.length - 1, differing };
}

const areas = readdirSync(casesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());

describe('a durable execution of every corpus case, killed after any event it committed', () => {
  it.each(areas.map((area) => area.name))('resumes to the same outcome and history: %s', async (area) => {
    const differing: string[] = [];
    let points = 0;
    for (const file of readdirSync(path.join(casesDir, area)).filter((name) => name.endsWith('.json'))) {
      const testCase = JSON.parse(readFileSync(path.join(casesDir, area, file), 'utf8')) as CorpusCase;
      // Express executions are not durable.
      if (/EXPRESS/.test(testCase.notes ?? '')) continue;
      const result = await crashEverywhere(testCase);
      points += result.points;
      differing.push(...result.differing.map((point) => `${file} ${point}`));
    }
    expect(differing).toEqual([]);
    if (area !== 'express') expect(points).toBeGreaterThan(0);
  });
});
