import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import {
  type CompiledGraph,
  isPromise,
  type PlannedState,
  type StateEntry,
  type StepOutcome,
  type StepResult,
} from '../plan/compiled-state';
import { PendingTask } from '../tasks/pending-task';
import { frameStopped } from './cancellation';
import type { Frame } from './run-context';
import { enterState, failedState, leaveState, startState } from './state-step';

/**
 * Runs a chain of states from StartAt to an end and returns the last output. Steps that finish
 * synchronously are chained without awaiting, so a run of Pass states costs no promise turns.
 */
export function runGraph(frame: Frame, graph: CompiledGraph, input: unknown): unknown {
  let state = stateNamed(graph, graph.startAt);
  let value = input;
  for (;;) {
    checkRunning(frame);
    const entry = enterState(frame, state, value);
    const outcome = startState(frame, state, entry);
    if (isPromise(outcome)) return continueAsync(frame, graph, state, entry, outcome);
    const result = leaveState(frame, state, entry, outcome, sameInstant(frame, entry));
    if (result.next === undefined) return result.output;
    state = stateNamed(graph, result.next);
    value = result.output;
  }
}

/**
 * The rest of the chain once a state has gone asynchronous. Each asynchronous state is awaited
 * here directly (its Retry and Catch only on a failure), so a Task costs this one await beyond
 * its own.
 */
async function continueAsync(
  frame: Frame,
  graph: CompiledGraph,
  first: PlannedState,
  firstEntry: StateEntry,
  pending: Promise<StepResult>,
): Promise<unknown> {
  let state = first;
  let entry = firstEntry;
  let outcome: StepOutcome = pending;
  for (;;) {
    let raw: StepResult;
    if (outcome instanceof PendingTask) {
      // The handler's own promise is the only one awaited; the task's events and the state's
      // output follow synchronously (see PendingTask).
      let value: unknown;
      let thrown: unknown;
      let failed = false;
      try {
        value = await outcome.settled;
      } catch (error) {
        failed = true;
        thrown = error;
      }
      try {
        raw = failed ? outcome.reject(thrown) : outcome.settle(value);
      } catch (error) {
        raw = await failedState(frame, state, entry, error);
      }
    } else if (isPromise(outcome)) {
      try {
        raw = await outcome;
      } catch (error) {
        raw = await failedState(frame, state, entry, error);
      }
    } else raw = outcome;
    const result = leaveState(frame, state, entry, raw);
    if (result.next === undefined) return result.output;
    checkRunning(frame);
    state = stateNamed(graph, result.next);
    entry = enterState(frame, state, result.output);
    outcome = startState(frame, state, entry);
  }
}

/**
 * A state that finished without awaiting and recorded nothing after its entry left within the
 * instant it entered: its exit takes the entry's timestamp rather than reading the clock again.
 * (The clock only moves between turns of the event loop for a virtual clock, and by a
 * millisecond at most for the real one; AWS's own histories often show such a state entered and
 * exited at the same millisecond.)
 */
function sameInstant(frame: Frame, entry: StateEntry): number | undefined {
  return frame.run.recorder.timeIfLatest(entry.enteredEventId);
}

function checkRunning(frame: Frame): void {
  const stopped = frameStopped(frame);
  if (stopped !== undefined) throw stopped.reason;
}

function stateNamed(graph: CompiledGraph, name: string): PlannedState {
  const state = graph.states.get(name);
  if (state === undefined)
    fail(ErrorNames.runtime, `The state '${name}' does not exist in the state machine.`);
  return state;
}
