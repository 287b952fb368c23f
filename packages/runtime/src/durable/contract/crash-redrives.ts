import type { ExecutionResult } from '../../engine/execution-result';
import type { DurableExecution } from '../durable-execution';
import type { DurableRuntime } from '../durable-runtime-api';
import type { DurableStore } from '../durable-store';
import { ExecutionNotRedrivableError } from '../store-errors';
import type { CrashRun } from './crash-workflows';

/**
 * Redrives each run marked `redriveOnce` that has failed and was never redriven. Any number of
 * processes may call it at once: a redrive another process made first is skipped. (The count is
 * read before the redrive, so two processes could both redrive a run that failed again after its
 * first redrive; the crash workflows succeed once redriven, so that never happens here.) A process
 * killed between the redrive's two commits leaves the execution RUNNING without its
 * `ExecutionRedriven` event, which the resume adds. Returns the executions it redrove.
 */
export async function redriveCrashRuns(
  runtime: Pick<DurableRuntime, 'redriveExecution'>,
  store: Pick<DurableStore, 'getExecution'>,
  runs: readonly CrashRun[],
): Promise<DurableExecution[]> {
  const redriven: DurableExecution[] = [];
  for (const run of runs) {
    if (!run.redriveOnce) continue;
    const row = await store.getExecution(run.executionArn);
    if (row?.status !== 'FAILED' || row.redriveCount > 0) continue;
    try {
      redriven.push(await runtime.redriveExecution(run.executionArn));
    } catch (error) {
      if (!(error instanceof ExecutionNotRedrivableError)) throw error;
    }
  }
  return redriven;
}

/**
 * The results of the runs on a runtime nobody interrupts, each `redriveOnce` run redriven once
 * after its first failure: what every killed run must end with.
 */
export async function uninterruptedResults(
  runtime: Pick<DurableRuntime, 'startExecution' | 'redriveExecution'>,
  runs: readonly CrashRun[],
): Promise<Map<string, ExecutionResult>> {
  const results = await Promise.all(
    runs.map(async (run) => {
      const started = await runtime.startExecution(run.definition, { name: run.name, input: run.input });
      const first = await started.result();
      if (!run.redriveOnce) return first;
      return (await runtime.redriveExecution(started.executionArn)).result();
    }),
  );
  return new Map(runs.map((run, i) => [run.name, results[i] as ExecutionResult]));
}
