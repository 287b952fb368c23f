import { StepwiseError } from '../errors';

/** An intrinsic function call that is malformed: found when the definition is read, before any data. */
export class InvalidIntrinsicError extends StepwiseError {
  readonly code = 'INVALID_INTRINSIC';
  /** Offset in the call's source text where the problem was found. */
  readonly position: number;
  readonly source: string;

  constructor(message: string, source: string, position: number, options?: { cause?: unknown }) {
    super(`${message} (at position ${position} of "${source}")`, options);
    this.source = source;
    this.position = position;
  }
}

/**
 * A well-formed call that failed on the data it received. The runtime reports it as
 * `States.IntrinsicFailure`; `message` is the cause text.
 */
export class IntrinsicFailureError extends StepwiseError {
  readonly code = 'INTRINSIC_FAILURE';
  readonly functionName: string;

  constructor(functionName: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.functionName = functionName;
  }
}
