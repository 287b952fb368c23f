import { checkValueSize } from '../dataflow/payload-size';
import { StateFailureSignal } from '../errors/state-failure';
import type { HistoryEventType } from '../history/history-event';
import { LazyAssignments, LazyPayload } from '../history/lazy-payload';
import {
  type CompiledState,
  isPromise,
  type StateEntry,
  type StateKind,
  type StepOutcome,
  type StepResult,
} from '../plan/compiled-state';
import { finalizeFailure } from './failure-events';
import type { Frame } from './run-context';

const ENTERED: Readonly<Record<StateKind, HistoryEventType>> = {
  Pass: 'PassStateEntered',
  Task: 'TaskStateEntered',
  Choice: 'ChoiceStateEntered',
  Wait: 'WaitStateEntered',
  Succeed: 'SucceedStateEntered',
  Fail: 'FailStateEntered',
  Parallel: 'ParallelStateEntered',
  Map: 'MapStateEntered',
};

const EXITED: Readonly<Record<StateKind, HistoryEventType | undefined>> = {
  Pass: 'PassStateExited',
  Task: 'TaskStateExited',
  Choice: 'ChoiceStateExited',
  Wait: 'WaitStateExited',
  Succeed: 'SucceedStateExited',
  Fail: undefined,
  Parallel: 'ParallelStateExited',
  Map: 'MapStateExited',
};

const NOT_TRUNCATED = Object.freeze({ truncated: false });

/** Enters a state, runs it and records its exit; failures leave as a finished StateFailureSignal. */
export function stepState(frame: Frame, state: CompiledState, input: unknown): StepOutcome {
  const run = frame.run;
  const enteredPrev = frame.lane.cursor;
  const enteredEventId = run.recorder.advance(frame.lane, ENTERED[state.kind], {
    name: state.name,
    input: new LazyPayload(input),
    inputDetails: NOT_TRUNCATED,
  });
  const entry: StateEntry = {
    name: state.name,
    input,
    enteredEventId,
    enteredPrev,
    enteredAt: run.clock.now(),
  };
  let outcome: StepOutcome;
  try {
    outcome = state.execute(frame, entry);
    if (!isPromise(outcome)) return exitState(frame, state, entry, outcome);
  } catch (error) {
    throw new StateFailureSignal(finalizeFailure(frame, state.kind, entry, error));
  }
  return outcome.then(
    (result) => {
      try {
        return exitState(frame, state, entry, result);
      } catch (error) {
        throw new StateFailureSignal(finalizeFailure(frame, state.kind, entry, error));
      }
    },
    (error: unknown) => {
      throw new StateFailureSignal(finalizeFailure(frame, state.kind, entry, error));
    },
  );
}

function exitState(frame: Frame, state: CompiledState, entry: StateEntry, result: StepResult): StepResult {
  const exited = EXITED[state.kind];
  if (exited === undefined) return result;
  checkValueSize(result.output, entry.name);
  const output = new LazyPayload(result.output);
  let details: Record<string, unknown>;
  if (result.assigned) {
    frame.vars.assign(result.assigned);
    details = {
      name: state.name,
      output,
      outputDetails: NOT_TRUNCATED,
      assignedVariables: new LazyAssignments(result.assigned),
      assignedVariablesDetails: NOT_TRUNCATED,
    };
  } else details = { name: state.name, output, outputDetails: NOT_TRUNCATED };
  frame.run.recorder.advance(frame.lane, exited, details);
  return result;
}
