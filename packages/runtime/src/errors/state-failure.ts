/**
 * How a failure travels inside the engine: an ASL error name, a cause text, and whether AWS records
 * an `EvaluationFailed` event for it. Plain data rather than an exception so the hot path can
 * return it without unwinding.
 */
export class StateFailure {
  constructor(
    /** Undefined for a Fail state without an error name, which AWS reports as no error at all. */
    readonly error: string | undefined,
    readonly cause: string | undefined,
    /** Set for query-evaluation failures, which AWS reports with an `EvaluationFailed` event. */
    readonly evaluation: boolean = false,
    /** Whether the cause still needs AWS's "An error occurred while executing the state" prefix. */
    readonly needsStatePrefix: boolean = false,
  ) {}

  /** The error output a Catch passes on: `{Error, Cause}`. */
  toErrorOutput(): { Error?: string; Cause?: string } {
    const output: { Error?: string; Cause?: string } = {};
    if (this.error !== undefined) output.Error = this.error;
    if (this.cause !== undefined) output.Cause = this.cause;
    return output;
  }
}

/** Thrown (never returned) through expression evaluation to abort the current state. */
export class StateFailureSignal extends Error {
  constructor(readonly failure: StateFailure) {
    super(failure.cause ?? failure.error);
  }
}

export function fail(
  error: string | undefined,
  cause: string | undefined,
  options?: { evaluation?: boolean; prefixed?: boolean },
): never {
  throw new StateFailureSignal(
    new StateFailure(error, cause, options?.evaluation ?? false, options?.prefixed ?? false),
  );
}

/** AWS's prefix for failures raised while a state evaluates its fields. */
export function statePrefix(stateName: string, enteredEventId: number): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). `;
}
