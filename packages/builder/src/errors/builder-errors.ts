import { StepwiseError } from '@stepwise/asl';

/** Two different states were given the same name in one workflow. */
export class DuplicateStateNameError extends StepwiseError {
  readonly code = 'BUILDER_DUPLICATE_STATE_NAME';
  constructor(readonly stateName: string) {
    super(`Two different states are named "${stateName}"; state names must be unique in a workflow.`);
  }
}

/** A `goto` points at a state that is not part of the workflow being compiled. */
export class UnknownStateError extends StepwiseError {
  readonly code = 'BUILDER_UNKNOWN_STATE';
  constructor(
    readonly stateName: string,
    readonly from: string,
  ) {
    super(`State "${from}" transitions to "${stateName}", which is not a state of this workflow.`);
  }
}

/** A state was given two different successors. */
export class ConflictingTransitionError extends StepwiseError {
  readonly code = 'BUILDER_CONFLICTING_TRANSITION';
  constructor(
    readonly stateName: string,
    first: string,
    second: string,
  ) {
    super(`State "${stateName}" already continues to "${first}" and cannot also continue to "${second}".`);
  }
}

/** A Choice without rules, or a Parallel without branches, has nowhere to go. */
export class DanglingBranchError extends StepwiseError {
  readonly code = 'BUILDER_DANGLING_BRANCH';
  constructor(
    readonly stateName: string,
    reason: string,
  ) {
    super(`State "${stateName}" ${reason}.`);
  }
}

/** A JSONata workflow cannot contain JSONPath states. */
export class QueryLanguageMixError extends StepwiseError {
  readonly code = 'BUILDER_QUERY_LANGUAGE_MIX';
  constructor(readonly stateName: string) {
    super(
      `State "${stateName}" uses JSONPath, but the workflow uses JSONata; only a JSONPath workflow may mix in JSONata states.`,
    );
  }
}

/** A value inside a selector or template cannot be expressed in the state's query language. */
export class UnsupportedExpressionError extends StepwiseError {
  readonly code = 'BUILDER_UNSUPPORTED_EXPRESSION';
}

/** A path segment that could reach an object's prototype. */
export class ForbiddenPathSegmentError extends StepwiseError {
  readonly code = 'BUILDER_FORBIDDEN_PATH_SEGMENT';
  constructor(readonly segment: string) {
    super(`The path segment "${segment}" is not allowed.`);
  }
}

/** A path written as a string that is not a valid reference path. */
export class InvalidPathStringError extends StepwiseError {
  readonly code = 'BUILDER_INVALID_PATH';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Invalid path "${path}": ${reason}.`);
  }
}

/** A number in the definition that JSON cannot hold (NaN, Infinity): it would be written as null. */
export class NonFiniteNumberError extends StepwiseError {
  readonly code = 'BUILDER_NON_FINITE_NUMBER';
  constructor(
    /** JSON pointer to the value in the compiled definition. */
    readonly pointer: string,
    readonly value: number,
  ) {
    super(`The definition holds ${value} at ${pointer}; ASL numbers must be finite.`);
  }
}
