import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import { type CompiledGraph, type CompiledState, isPromise, type StepResult } from '../plan/compiled-state';
import { frameSignal } from './cancellation';
import type { Frame } from './run-context';
import { stepState } from './state-step';

/**
 * Runs a chain of states from StartAt to an end and returns the last output. Steps that finish
 * synchronously are chained without awaiting, so a run of Pass states costs no promise turns.
 */
export function runGraph(frame: Frame, graph: CompiledGraph, input: unknown): unknown {
  let state = stateNamed(graph, graph.startAt);
  let value = input;
  for (;;) {
    checkRunning(frame);
    const outcome = stepState(frame, state, value);
    if (isPromise(outcome)) return continueAsync(frame, graph, outcome);
    if (outcome.next === undefined) return outcome.output;
    state = stateNamed(graph, outcome.next);
    value = outcome.output;
  }
}

async function continueAsync(
  frame: Frame,
  graph: CompiledGraph,
  pending: Promise<StepResult>,
): Promise<unknown> {
  let result = await pending;
  for (;;) {
    if (result.next === undefined) return result.output;
    checkRunning(frame);
    const outcome = stepState(frame, stateNamed(graph, result.next), result.output);
    result = isPromise(outcome) ? await outcome : outcome;
  }
}

function checkRunning(frame: Frame): void {
  const signal = frameSignal(frame);
  if (signal.aborted) throw signal.reason;
}

function stateNamed(graph: CompiledGraph, name: string): CompiledState {
  const state = graph.states.get(name);
  if (state === undefined)
    fail(ErrorNames.runtime, `The state '${name}' does not exist in the state machine.`);
  return state;
}
