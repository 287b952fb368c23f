import { checkValueSize } from '../dataflow/payload-size';
import { StateFailureSignal } from '../errors/state-failure';
import { LazyAssignments, LazyPayload } from '../history/lazy-payload';
import {
  type CompiledState,
  isPromise,
  type PlannedState,
  type StateEntry,
  type StepOutcome,
  type StepResult,
} from '../plan/compiled-state';
import { finalizeFailure } from './failure-events';
import type { Frame } from './run-context';

const NOT_TRUNCATED = Object.freeze({ truncated: false });

/** Enters a state, runs it and records its exit; failures leave as a finished StateFailureSignal. */
export function stepState(frame: Frame, state: PlannedState, input: unknown): StepOutcome {
  const entry = enterState(frame, state, input);
  const outcome = startState(frame, state, entry);
  if (!isPromise(outcome)) return leaveState(frame, state, entry, outcome);
  return settleState(frame, state, entry, outcome).then((result) => leaveState(frame, state, entry, result));
}

/** Records the state's entry. */
export function enterState(frame: Frame, state: PlannedState, input: unknown): StateEntry {
  const run = frame.run;
  const enteredPrev = frame.lane.cursor;
  const enteredEventId = run.recorder.advanceTagged(frame.lane, state.entered, input);
  // The entered event's own timestamp: the same instant, without reading the clock again.
  const enteredAt = run.recorder.timeOf(enteredEventId);
  return { name: state.name, input, enteredEventId, enteredPrev, enteredAt };
}

/**
 * Runs an entered state. A synchronous result comes back as it is; a promise may still reject,
 * and goes through `settleState`.
 */
export function startState(frame: Frame, state: CompiledState, entry: StateEntry): StepOutcome {
  try {
    return state.execute(frame, entry);
  } catch (error) {
    return failedState(frame, state, entry, error);
  }
}

/** Awaits a state's result; a failure goes to the state's Retry and Catch, if it has them. */
export async function settleState(
  frame: Frame,
  state: CompiledState,
  entry: StateEntry,
  pending: Promise<StepResult>,
): Promise<StepResult> {
  try {
    return await pending;
  } catch (error) {
    return failedState(frame, state, entry, error);
  }
}

/** A failed attempt: retried or caught where the state says so, else a finished failure. */
export function failedState(
  frame: Frame,
  state: CompiledState,
  entry: StateEntry,
  error: unknown,
): Promise<StepResult> {
  if (state.recover === undefined)
    throw new StateFailureSignal(finalizeFailure(frame, state.kind, entry, error));
  return state.recover(frame, entry, error).catch((failure: unknown) => {
    throw new StateFailureSignal(finalizeFailure(frame, state.kind, entry, failure));
  });
}

/**
 * Records the state's exit; a failure on the way out (output too large) fails the state. `time`
 * is the exit's timestamp when the caller already knows it.
 */
export function leaveState(
  frame: Frame,
  state: PlannedState,
  entry: StateEntry,
  result: StepResult,
  time?: number,
): StepResult {
  try {
    return exitState(frame, state, entry, result, time);
  } catch (error) {
    throw new StateFailureSignal(finalizeFailure(frame, state.kind, entry, error));
  }
}

function exitState(
  frame: Frame,
  state: PlannedState,
  entry: StateEntry,
  result: StepResult,
  time: number | undefined,
): StepResult {
  const exited = state.exited;
  if (exited === undefined) return result;
  checkValueSize(result.output, entry.name);
  const { recorder } = frame.run;
  if (result.assigned) {
    frame.vars.assign(result.assigned);
    recorder.advance(
      frame.lane,
      exited.type,
      {
        name: state.name,
        output: new LazyPayload(result.output),
        outputDetails: NOT_TRUNCATED,
        assignedVariables: new LazyAssignments(result.assigned),
        assignedVariablesDetails: NOT_TRUNCATED,
      },
      time,
    );
  } else recorder.advanceTagged(frame.lane, exited, result.output, time);
  return result;
}
