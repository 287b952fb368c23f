import { BranchCancelled, cancelScope, frameSignal, frameStopped } from '../engine/cancellation';
import type { Frame } from '../engine/run-context';
import { runGraph } from '../engine/run-graph';
import { ErrorNames } from '../errors/error-names';
import { StateFailure, StateFailureSignal } from '../errors/state-failure';
import { HistoryRecorder, type Lane } from '../history/history-recorder';
import { type CompiledGraph, isPromise } from '../plan/compiled-state';
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
  /** Set when each iteration is an execution of its own (a durable runtime's STANDARD children). */
  readonly runChild?: (index: number, input: unknown, signal: AbortSignal) => Promise<unknown>;
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
  const width = plan.maxConcurrency > 0 ? Math.min(plan.maxConcurrency, total) : total;

  interface Iteration {
    readonly index: number;
    readonly lane: Lane;
    readonly details: { readonly name: string; readonly index: number };
    readonly frame: Frame;
    input: unknown;
  }

  /** Records the iteration's start and gives it its own lane, variables and item. */
  const begin = (index: number): Iteration => {
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
    return { index, lane, details, frame: iterationFrame, input: undefined };
  };

  const { runChild } = plan;
  const iterate = (it: Iteration): unknown =>
    runChild ? runChild(it.index, it.input, scope.signal) : runGraph(it.frame, plan.graph, it.input);

  const succeed = (it: Iteration, output: unknown): void => {
    results[it.index] = output;
    if (plan.recordIterations) {
      lastSucceededEventId = recorder.appendOn(it.lane, 'MapIterationSucceeded', it.lane.cursor, it.details);
      mapLane.cursor = it.lane.cursor;
    }
  };

  /** A failed or stopped iteration; anything but a state failure or a cancellation is rethrown. */
  const recordFailure = (it: Iteration, error: unknown): void => {
    const { lane, details, index } = it;
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
    failed.push({ index, input: it.input, error: error.failure.error, cause: error.failure.cause });
    if (exceedsTolerance(plan.tolerance, failedCount, total)) scope.cancel();
  };

  const runOne = async (it: Iteration, fresh: boolean): Promise<void> => {
    try {
      if (fresh) it.input = await plan.itemInput(it.index, it.frame);
      const output = await iterate(it);
      succeed(it, output);
    } catch (error) {
      recordFailure(it, error);
    }
  };

  /** An iteration that went asynchronous partway: it finishes on its own. */
  const finishLater = (it: Iteration, work: Promise<unknown>, started: boolean): Promise<void> =>
    work.then(
      (value) => {
        if (started) return succeed(it, value);
        it.input = value;
        return runOne(it, false);
      },
      (error: unknown) => recordFailure(it, error),
    );

  /**
   * Runs iterations a wave of `width` at a time, each wave in three passes: start every
   * iteration, run every graph, record every success. That is the order `runOne`'s awaits give
   * when nothing in the iterations awaits for real, here without a promise per iteration. An
   * iteration that does go asynchronous finishes on its own, and the waves stop there, as they
   * do after a failure: `worker` then takes the remaining items as the awaits would.
   */
  const runSyncWaves = (pending: Promise<void>[]): void => {
    let clean = true;
    while (clean && nextIndex < total) {
      const end = Math.min(nextIndex + width, total);
      const wave: Iteration[] = [];
      for (; nextIndex < end && !exceedsTolerance(plan.tolerance, failedCount, total); nextIndex++) {
        const it = begin(nextIndex);
        let input: unknown;
        try {
          input = plan.itemInput(it.index, it.frame);
        } catch (error) {
          clean = false;
          recordFailure(it, error);
          continue;
        }
        if (isPromise(input)) pending.push(finishLater(it, input, false));
        else {
          it.input = input;
          wave.push(it);
        }
      }
      const done: Iteration[] = [];
      const outputs: unknown[] = [];
      for (const it of wave) {
        let output: unknown;
        try {
          output = iterate(it);
        } catch (error) {
          clean = false;
          recordFailure(it, error);
          continue;
        }
        if (isPromise(output)) pending.push(finishLater(it, output, true));
        else {
          done.push(it);
          outputs.push(output);
        }
      }
      for (let i = 0; i < done.length; i++) succeed(done[i] as Iteration, outputs[i]);
      if (pending.length > 0) clean = false;
    }
  };

  const worker = async (): Promise<void> => {
    while (nextIndex < total && !exceedsTolerance(plan.tolerance, failedCount, total)) {
      await runOne(begin(nextIndex++), true);
    }
  };
  const pending: Promise<void>[] = [];
  try {
    runSyncWaves(pending);
    if (pending.length > 0 || nextIndex < total) {
      // Each asynchronous iteration holds a slot until it ends; the free slots work at once.
      const slots = pending.map((work) => work.then(worker));
      while (slots.length < width) slots.push(worker());
      await Promise.all(slots);
    }
  } catch (error) {
    // Iterations still running must not leave their failures unhandled once this one has failed.
    void Promise.all(pending).catch(() => undefined);
    throw error;
  } finally {
    scope.dispose();
  }

  // The Map itself was cut short (a sibling of an enclosing branch or iteration failed, or the
  // execution stopped): its iterations were aborted, and it has no outcome to record or write.
  const stopped = frameStopped(frame);
  if (stopped) throw stopped.reason;

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
