import { ErrorNames } from '../errors/error-names';
import { StateFailure, StateFailureSignal, statePrefix } from '../errors/state-failure';
import type { StateEntry, StateKind } from '../plan/compiled-state';
import { BranchCancelled, frameStopped } from './cancellation';
import type { Frame } from './run-context';

/**
 * Turns whatever a state threw into a finished failure: AWS's cause prefix added, and an
 * `EvaluationFailed` event recorded for query-evaluation errors. Safe to call twice.
 */
export function finalizeFailure(
  frame: Frame,
  kind: StateKind,
  entry: StateEntry,
  thrown: unknown,
): StateFailure {
  if (!(thrown instanceof StateFailureSignal)) {
    if (frameStopped(frame) !== undefined || thrown instanceof BranchCancelled) throw thrown;
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return new StateFailure(ErrorNames.runtime, statePrefix(entry.name, entry.enteredEventId) + message);
  }
  const failure = thrown.failure;
  if (!failure.needsStatePrefix && !failure.evaluation) return failure;
  const cause = failure.needsStatePrefix
    ? statePrefix(entry.name, entry.enteredEventId) + (failure.cause ?? '')
    : failure.cause;
  if (failure.evaluation) {
    const lane = frame.lane;
    // AWS links an evaluation failure straight after entry to the event before the entry, except in Wait.
    const prev = kind !== 'Wait' && lane.cursor === entry.enteredEventId ? entry.enteredPrev : lane.cursor;
    lane.cursor = frame.run.recorder.append('EvaluationFailed', prev, {
      error: failure.error,
      cause,
      state: entry.name,
    });
  }
  return new StateFailure(failure.error, cause);
}
