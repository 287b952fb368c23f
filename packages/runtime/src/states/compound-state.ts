import { type JsonataIo, jsonataResultStep } from '../dataflow/jsonata-io';
import { outputFromResult, type PathIo } from '../dataflow/jsonpath-io';
import type { Frame } from '../engine/run-context';
import { errorHandled } from '../engine/with-error-handling';
import { compileCatchers } from '../errors/catch-policy';
import { ErrorNames } from '../errors/error-names';
import { compileRetriers } from '../errors/retry-policy';
import type { CompiledState, QueryLanguage, RawState, StateEntry, StepOutcome } from '../plan/compiled-state';

/** The fields that shape a Parallel or Map state's result, in its query language. */
export interface CompoundIo {
  readonly pathIo: PathIo | undefined;
  readonly jsonataIo: JsonataIo | undefined;
}

/**
 * A Parallel or Map state around its `attempt`: Retry and Catch as written, and the state's own
 * failure event (ParallelStateFailed, MapStateFailed) once no retry is left. AWS records none when
 * the failure is States.Runtime, which ends the execution at once.
 */
export function compoundState(
  name: string,
  kind: 'Parallel' | 'Map',
  raw: RawState,
  queryLanguage: QueryLanguage,
  attempt: (frame: Frame, entry: StateEntry, retryCount: number) => StepOutcome,
): CompiledState {
  const failedEvent = kind === 'Parallel' ? 'ParallelStateFailed' : 'MapStateFailed';
  return {
    name,
    kind,
    ...errorHandled({
      kind,
      retriers: compileRetriers(raw.Retry),
      catchers: compileCatchers(raw.Catch, queryLanguage),
      onFinalFailure: (frame, failure) => {
        if (failure.error !== ErrorNames.runtime) frame.run.recorder.advance(frame.lane, failedEvent);
      },
      attempt,
    }),
  };
}

/** The state's output from its result: ResultSelector, ResultPath and OutputPath, or Output and Assign. */
export function compoundResult(
  io: CompoundIo,
  frame: Frame,
  entry: StateEntry,
  context: unknown,
  result: unknown,
  next: string | undefined,
): StepOutcome {
  if (io.pathIo) return outputFromResult(io.pathIo, frame, entry.input, result, context, next);
  return jsonataResultStep(io.jsonataIo, frame, entry.input, context, result, next);
}
