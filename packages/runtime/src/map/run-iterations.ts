import type { Frame } from '../engine/run-context';
import { runGraph } from '../engine/run-graph';
import { ErrorNames } from '../errors/error-names';
import { StateFailure, StateFailureSignal } from '../errors/state-failure';
import { HistoryRecorder } from '../history/history-recorder';
import type { CompiledGraph } from '../plan/compiled-state';
import { exceedsTolerance, type Tolerance } from './tolerance';

export interface IterationPlan {
  readonly stateName: string;
  readonly graph: CompiledGraph;
  readonly items: readonly unknown[];
  /** The input of iteration `index` (after ItemSelector). */
  readonly itemInput: (index: number, frame: Frame) => unknown | Promise<unknown>;
  readonly maxConcurrency: number;
  readonly tolerance: Tolerance;
  /** Distributed iterations run as child executions: their events stay out of this history. */
  readonly recordIterations: boolean;
}

export interface IterationOutcome {
  readonly results: unknown[];
  /** The id AWS links the Map's closing events to. */
  readonly lastSucceededEventId: number | undefined;
}

/**
 * Runs a Map's iterations, at most `maxConcurrency` at a time (0: all), and fails with the first
 * failure once the failures exceed what the Map tolerates.
 */
export async function runIterations(frame: Frame, plan: IterationPlan): Promise<IterationOutcome> {
  const { recorder } = frame.run;
  const mapLane = frame.lane;
  const total = plan.items.length;
  const results: unknown[] = new Array(total);
  let nextIndex = 0;
  let failedCount = 0;
  let firstFailure: StateFailure | undefined;
  let lastSucceededEventId: number | undefined;
  const tolerated = plan.tolerance.count !== undefined || plan.tolerance.percentage !== undefined;

  const runOne = async (index: number): Promise<void> => {
    const lane = { cursor: mapLane.cursor };
    const details = { name: plan.stateName, index };
    if (plan.recordIterations) lane.cursor = recorder.append('MapIterationStarted', mapLane.cursor, details);
    const iterationFrame: Frame = {
      run: plan.recordIterations
        ? frame.run
        : { ...frame.run, recorder: new HistoryRecorder(frame.run.clock.now) },
      lane,
      vars: frame.vars.child(),
      mapItem: { index, value: plan.items[index] },
    };
    try {
      const input = await plan.itemInput(index, iterationFrame);
      results[index] = await runGraph(iterationFrame, plan.graph, input);
      if (plan.recordIterations) {
        lastSucceededEventId = recorder.append('MapIterationSucceeded', lane.cursor, details);
        mapLane.cursor = lane.cursor;
      }
    } catch (error) {
      if (!(error instanceof StateFailureSignal)) throw error;
      if (plan.recordIterations) {
        recorder.append('MapIterationFailed', lane.cursor, details);
        mapLane.cursor = lane.cursor;
        lastSucceededEventId = undefined;
      }
      failedCount++;
      firstFailure ??= error.failure;
      results[index] = error.failure.toErrorOutput();
    }
  };

  const worker = async (): Promise<void> => {
    while (nextIndex < total && !exceedsTolerance(plan.tolerance, failedCount, total)) {
      await runOne(nextIndex++);
    }
  };
  const width = plan.maxConcurrency > 0 ? Math.min(plan.maxConcurrency, total) : total;
  await Promise.all(Array.from({ length: width }, worker));

  if (firstFailure && exceedsTolerance(plan.tolerance, failedCount, total)) {
    throw new StateFailureSignal(
      tolerated
        ? new StateFailure(
            ErrorNames.exceedToleratedFailureThreshold,
            'The specified tolerated failure threshold was exceeded',
          )
        : firstFailure,
    );
  }
  return { results, lastSucceededEventId };
}
