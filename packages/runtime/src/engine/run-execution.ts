import { type Cancellable, setClockTimer } from '../clock/plain-timer';
import { VariableScope } from '../dataflow/variable-scope';
import { ErrorNames } from '../errors/error-names';
import { StateFailureSignal } from '../errors/state-failure';
import type { HistoryEventType } from '../history/history-event';
import { EXECUTION_OUTPUT, LazyPayload, PayloadDetails } from '../history/lazy-payload';
import type { ExecutionPlan } from '../plan/compile-definition';
import type { ExecutionStore } from '../store/execution-store';
import type { StoreWrites } from '../store/store-writes';
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
  plan: ExecutionPlan,
  input: unknown,
  store: ExecutionStore,
  writes: StoreWrites,
): RunningExecution {
  return new ExecutionRun(run, plan, input, store, writes);
}

/**
 * One execution's run, as an object with methods: thousands start at once, and a handful of
 * closures per execution adds up.
 */
class ExecutionRun implements RunningExecution {
  readonly done: Promise<ExecutionResult>;
  private readonly lane = { cursor: 0 };
  private settle: (outcome: ExecutionResult) => void = noop;
  private broke: (error: unknown) => void = noop;
  /** Only a machine-level timeout needs a timer. */
  private readonly timeout: Cancellable | undefined;
  private ended = false;

  constructor(
    private readonly run: RunContext,
    private readonly plan: ExecutionPlan,
    input: unknown,
    private readonly store: ExecutionStore,
    private readonly writes: StoreWrites,
  ) {
    run.recorder.append('ExecutionStarted', 0, {
      input: new LazyPayload(input),
      inputDetails: NOT_TRUNCATED,
      roleArn: run.identity.roleArn,
      stateMachineArn: run.identity.stateMachineArn,
    });
    this.done = new Promise<ExecutionResult>((resolve, reject) => {
      this.settle = resolve;
      this.broke = reject;
    });
    this.timeout =
      plan.timeoutSeconds === undefined
        ? undefined
        : setClockTimer(run.clock, timeoutDelay(run, plan.timeoutSeconds), () =>
            this.interrupt({ status: 'TIMED_OUT', error: ErrorNames.timeout }),
          );
    const timeout = this.timeout;
    if (timeout?.overdue) {
      run.stop.expireOverdue = () => {
        if (timeout.overdue?.()) this.interrupt({ status: 'TIMED_OUT', error: ErrorNames.timeout });
        return run.stop.aborted;
      };
    }
    const frame: Frame = { run, lane: this.lane, vars: new VariableScope() };
    Promise.resolve()
      .then(() => runGraph(frame, plan.graph, input))
      .then(
        (output) => this.interrupt({ status: 'SUCCEEDED', output }),
        (error: unknown) => this.interrupt(failureResult(error)),
      );
  }

  /** Whichever comes first (the states, stop(), a timeout) writes the last event and aborts the rest. */
  interrupt(outcome: ExecutionResult): void {
    if (this.ended) return;
    this.ended = true;
    try {
      this.end(outcome);
    } catch (error) {
      this.broke(error);
    }
  }

  private end(outcome: ExecutionResult): void {
    const run = this.run;
    this.timeout?.cancel();
    if (outcome.status !== 'SUCCEEDED' && outcome.status !== 'FAILED') {
      run.stop.abort(new Interruption(outcome));
    }
    const details =
      outcome.status === 'SUCCEEDED'
        ? new PayloadDetails(EXECUTION_OUTPUT, outcome.output)
        : withoutUndefined({ error: outcome.error, cause: outcome.cause });
    run.recorder.append(TERMINAL[outcome.status], this.lane.cursor, details, true);
    run.recorder.close();
    this.plan.expectedEvents = run.recorder.count;
    const record =
      outcome.status === 'SUCCEEDED'
        ? { output: outcome.output }
        : { error: outcome.error, cause: outcome.cause };
    this.writes.write(() =>
      this.store.updateExecution(run.identity.executionArn, {
        status: outcome.status,
        stopDate: new Date(run.clock.now()),
        ...record,
      }),
    );
    this.settle(outcome);
  }
}

function noop(): void {}

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

/**
 * The machine's TimeoutSeconds, from now: the replayed start of a resumed execution, whose deadline
 * stays where it was, or for a redriven one from its last redrive (AWS resets it then).
 */
function timeoutDelay(run: RunContext, timeoutSeconds: number): number {
  const ms = timeoutSeconds * 1000;
  return run.redrivenAt === undefined ? ms : Math.max(0, run.redrivenAt + ms - run.clock.now());
}
