import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../clock/virtual-clock';
import { createDurableRuntime } from '../durable-runtime';
import type { StoredEvent } from '../durable-store';
import { InMemoryDurableStore } from '../memory-durable-store';
import { checkCrashOutcome } from './crash-checks';
import { redriveCrashRuns, uninterruptedResults } from './crash-redrives';
import { type CrashRun, crashHandlers, crashRuns } from './crash-workflows';
import { batch, eventRow, executionRow } from './sample-rows';

/** A runtime on its own memory store and virtual clock, running the crash workflows. */
function crashRuntime(effects: (line: string) => void = () => {}) {
  const store = new InMemoryDurableStore();
  const runtime = createDurableRuntime({
    store,
    clock: createVirtualClock(),
    handlers: crashHandlers(effects, (token, output) => runtime.sendTaskSuccess(token, output)),
  });
  return { store, runtime };
}

/** Runs every run to its end, redriving once each that waits for it. */
async function runToEnd(
  { store, runtime }: ReturnType<typeof crashRuntime>,
  runs: readonly CrashRun[],
): Promise<void> {
  const started = await Promise.all(
    runs.map((run) => runtime.startExecution(run.definition, { name: run.name, input: run.input })),
  );
  await Promise.all(started.map((execution) => execution.result()));
  const redriven = await redriveCrashRuns(runtime, store, runs);
  await Promise.all(redriven.map((execution) => execution.result()));
}

describe('crash checks', () => {
  const runs = crashRuns(6, 'spec');

  it('take a run redriven once after its failure as sound, with its first steps run once', async () => {
    const effects: string[] = [];
    const killed = crashRuntime((line) => effects.push(`${line} 1`));
    await runToEnd(killed, runs);
    const { store } = killed;
    const expected = await uninterruptedResults(crashRuntime().runtime, runs);

    const report = await checkCrashOutcome(store, runs, expected, effects, { kills: 0 });
    expect(report.problems).toEqual([]);
    expect(report.redriven).toBe(1);
    const redriven = runs.find((run) => run.redriveOnce) as CrashRun;
    expect(expected.get(redriven.name)).toMatchObject({
      status: 'SUCCEEDED',
      output: { a: 5, sum: 9, gate: { opened: true, sum: 9 } },
    });
    const types = (await store.listEvents(redriven.executionArn)).map((event) => event.type);
    expect(types.filter((type) => type === 'LambdaFunctionSucceeded')).toHaveLength(2);
    expect(types.slice(types.indexOf('ExecutionFailed'), types.indexOf('ExecutionFailed') + 2)).toEqual([
      'ExecutionFailed',
      'ExecutionRedriven',
    ]);
  });

  it('report a redrive that does not follow a terminal event, or lacks one', async () => {
    const store = new InMemoryDurableStore();
    const stored = async (name: string, types: readonly StoredEvent['type'][]) => {
      const arn = `arn:aws:states:us-east-1:123456789012:execution:StateMachine:${name}`;
      const details = (type: string) => (type === 'ExecutionSucceeded' ? { output: '1' } : undefined);
      await store.commit(
        batch({
          executions: [executionRow(name, { executionArn: arn })],
          events: types.map((type, i) => eventRow(arn, i + 1, type, details(type))),
        }),
      );
      return { name, executionArn: arn, definition: {}, input: {} } satisfies CrashRun;
    };
    const runs = [
      await stored('no-failure', ['ExecutionStarted', 'ExecutionRedriven', 'ExecutionSucceeded']),
      await stored('out-of-place', [
        'ExecutionStarted',
        'ExecutionFailed',
        'PassStateEntered',
        'ExecutionRedriven',
        'ExecutionSucceeded',
      ]),
    ];
    const expected = new Map(runs.map((run) => [run.name, { status: 'SUCCEEDED' as const, output: 1 }]));

    const report = await checkCrashOutcome(store, runs, expected, [], { kills: 0 });
    expect(report.problems).toEqual([
      'no-failure: 1 terminal events, 1 redrives',
      'out-of-place: 2 terminal events, 1 redrives',
    ]);
  });
});
