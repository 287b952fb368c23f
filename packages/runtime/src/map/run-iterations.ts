import { BranchCancelled, cancelScope, frameSignal } from '../engine/cancellation';
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

/** An iteration that failed within what the Map tolerates, as a ResultWriter reports it. */
export interface FailedIteration {
  readonly index: number;
  readonly input: unknown;
  readonly error: string | undefined;
  readonly cause: string | undefined;
}

export interface IterationOutcome {
  /** One slot per item: the iteration's output, or `{Error, Cause}` for a tolerated failure. */
  readonly results: unknown[];
  readonly failed: readonly FailedIteration[];
  /** The id AWS links the Map's closing events to. */
  readonly lastSucceededEventId: number | undefined;
}

/**
 * Runs a Map's iterations, at most `maxConcurrency` at a time (0: all), and fails with the first
 * failure once the failures exceed what the Map tolerates. Iterations still running then are
 * stopped at their next state or wait and recorded as MapIterationAborted, as AWS records them.
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
  const failed: FailedIteration[] = [];
  const scope = cancelScope(frameSignal(frame));
  const tolerated = plan.tolerance.count !== undefined || plan.tolerance.percentage !== undefined;

  const runOne = async (index: number): Promise<void> => {
    const lane = recorder.fork(mapLane, index);
    const details = { name: plan.stateName, index };
    if (plan.recordIterations) recorder.advance(lane, 'MapIterationStarted', details);
    const iterationFrame: Frame = {
      run: plan.recordIterations
        ? frame.run
        : { ...frame.run, recorder: new HistoryRecorder(frame.run.clock.now) },
      lane,
      vars: frame.vars.child(),
      mapItem: { index, value: plan.items[index] },
      signal: scope.signal,
    };
    let input: unknown;
    try {
      input = await plan.itemInput(index, iterationFrame);
      results[index] = await runGraph(iterationFrame, plan.graph, input);
      if (plan.recordIterations) {
        lastSucceededEventId = recorder.appendOn(lane, 'MapIterationSucceeded', lane.cursor, details);
        mapLane.cursor = lane.cursor;
      }
    } catch (error) {
      if (error instanceof BranchCancelled) {
        if (plan.recordIterations) recorder.append('MapIterationAborted', lane.cursor, details);
        return;
      }
      if (!(error instanceof StateFailureSignal)) throw error;
      if (plan.recordIterations) {
        recorder.appendOn(lane, 'MapIterationFailed', lane.cursor, details);
        mapLane.cursor = lane.cursor;
        lastSucceededEventId = undefined;
      }
      failedCount++;
      firstFailure ??= error.failure;
      results[index] = error.failure.toErrorOutput();
      failed.push({ index, input, error: error.failure.error, cause: error.failure.cause });
      if (exceedsTolerance(plan.tolerance, failedCount, total)) scope.cancel();
    }
  };

  const worker = async (): Promise<void> => {
    while (nextIndex < total && !exceedsTolerance(plan.tolerance, failedCount, total)) {
      await runOne(nextIndex++);
    }
  };
  const width = plan.maxConcurrency > 0 ? Math.min(plan.maxConcurrency, total) : total;
  try {
    await Promise.all(Array.from({ length: width }, worker));
  } finally {
    scope.dispose();
  }

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
  return { results, failed, lastSucceededEventId };
}
