import { VariableScope } from '../dataflow/variable-scope';
import { ErrorNames } from '../errors/error-names';
import { StateFailureSignal } from '../errors/state-failure';
import type { HistoryEventType } from '../history/history-event';
import { LazyPayload } from '../history/lazy-payload';
import type { ExecutionPlan } from '../plan/compile-definition';
import type { ExecutionStore } from '../store/execution-store';
import type { ExecutionResult } from './execution-result';
import type { Frame, RunContext } from './run-context';
import { runGraph } from './run-graph';

/** Why the engine was told to stop early. */
class Interruption extends Error {
  constructor(readonly outcome: ExecutionResult) {
    super(outcome.status);
  }
}

export interface RunningExecution {
  readonly done: Promise<ExecutionResult>;
  /** Ends the execution from outside (stop) unless it has already ended. */
  interrupt(outcome: ExecutionResult): void;
}

const NOT_TRUNCATED = Object.freeze({ truncated: false });

const TERMINAL: Readonly<Record<ExecutionResult['status'], HistoryEventType>> = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  ABORTED: 'ExecutionAborted',
};

/**
 * Runs a plan from ExecutionStarted to its terminal event. The machine's TimeoutSeconds and stop()
 * race the states; whichever ends first writes the last event and aborts the rest.
 */
export function runExecution(
  run: RunContext,
  controller: AbortController,
  plan: ExecutionPlan,
  input: unknown,
  store: ExecutionStore,
): RunningExecution {
  const lane = { cursor: 0 };
  run.recorder.append('ExecutionStarted', 0, {
    input: new LazyPayload(input),
    inputDetails: NOT_TRUNCATED,
    roleArn: run.identity.roleArn,
    stateMachineArn: run.identity.stateMachineArn,
  });
  let interrupt: (outcome: ExecutionResult) => void = () => {};
  const interrupted = new Promise<ExecutionResult>((resolve) => {
    interrupt = resolve;
  });
  // Only a machine-level timeout needs a timer (and a controller to cancel it).
  const timers = plan.timeoutSeconds === undefined ? undefined : new AbortController();
  const racers: Promise<ExecutionResult>[] = [interrupted];
  if (timers !== undefined && plan.timeoutSeconds !== undefined) {
    racers.push(
      run.clock.sleep(plan.timeoutSeconds * 1000, timers.signal).then(
        (): ExecutionResult => ({ status: 'TIMED_OUT', error: ErrorNames.timeout }),
        () => new Promise<never>(() => {}),
      ),
    );
  }
  const frame: Frame = { run, lane, vars: new VariableScope() };
  const work = Promise.resolve()
    .then(() => runGraph(frame, plan.graph, input))
    .then(
      (output): ExecutionResult => ({ status: 'SUCCEEDED', output }),
      (error: unknown): ExecutionResult => failureResult(error),
    );
  const done = Promise.race([work, ...racers]).then((outcome) => {
    timers?.abort();
    if (outcome.status !== 'SUCCEEDED' && outcome.status !== 'FAILED') {
      controller.abort(new Interruption(outcome));
    }
    const details =
      outcome.status === 'SUCCEEDED'
        ? { output: new LazyPayload(outcome.output), outputDetails: NOT_TRUNCATED }
        : withoutUndefined({ error: outcome.error, cause: outcome.cause });
    run.recorder.append(TERMINAL[outcome.status], lane.cursor, details, true);
    run.recorder.close();
    const record =
      outcome.status === 'SUCCEEDED'
        ? { output: outcome.output }
        : { error: outcome.error, cause: outcome.cause };
    store.updateExecution(run.identity.executionArn, {
      status: outcome.status,
      stopDate: new Date(run.clock.now()),
      ...record,
    });
    return outcome;
  });
  return { done, interrupt: (outcome) => interrupt(outcome) };
}

function failureResult(error: unknown): ExecutionResult {
  if (error instanceof StateFailureSignal) {
    return withoutUndefined({
      status: 'FAILED' as const,
      error: error.failure.error,
      cause: error.failure.cause,
    });
  }
  if (error instanceof Interruption) return error.outcome;
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'FAILED', error: ErrorNames.runtime, cause: message };
}

function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}
