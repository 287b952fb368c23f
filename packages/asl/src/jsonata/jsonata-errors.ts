import { StepwiseError } from '../errors';

export interface InvalidJsonataDetails {
  /** The expression text between `{%` and `%}`. */
  readonly expression: string;
  /** Offset in `expression` where jsonata stopped, when it says. */
  readonly position?: number;
  /** jsonata's own error code, e.g. `S0202`. */
  readonly jsonataCode?: string;
  /** JSON pointer of the expression inside the value it was found in, when known. */
  readonly pointer?: string;
}

/** A JSONata expression that cannot be compiled, or may not be used. */
export class InvalidJsonataError extends StepwiseError {
  readonly code = 'INVALID_JSONATA';
  readonly expression: string;
  readonly position: number | undefined;
  readonly jsonataCode: string | undefined;
  readonly pointer: string | undefined;

  constructor(message: string, details: InvalidJsonataDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.expression = details.expression;
    this.position = details.position;
    this.jsonataCode = details.jsonataCode;
    this.pointer = details.pointer;
  }

  /** The same error, located at `pointer`. */
  at(pointer: string): InvalidJsonataError {
    const located = `${this.message.replace(/ \(at [^)]*\)$/, '')} (at ${pointer || '/'})`;
    return new InvalidJsonataError(
      located,
      { expression: this.expression, position: this.position, jsonataCode: this.jsonataCode, pointer },
      { cause: this },
    );
  }
}

/**
 * Evaluation failed. The runtime reports it as `States.QueryEvaluationError`; `message` is the
 * cause text where AWS's is known.
 */
export class JsonataEvaluationError extends StepwiseError {
  readonly code = 'JSONATA_EVALUATION_FAILED';
  readonly jsonataCode: string | undefined;

  constructor(message: string, options?: { cause?: unknown; jsonataCode?: string }) {
    super(message, options);
    this.jsonataCode = options?.jsonataCode;
  }
}
