import { StepwiseError } from '@stepwise/asl';

/** One problem a schema found, with where it is in the checked value. */
export interface SchemaIssue {
  /** A JSONPath into the checked value, such as `$.lines[0].qty`. */
  readonly path: string;
  readonly message: string;
}

/** The error name Retry and Catch see when data does not match a schema. */
export const SCHEMA_VALIDATION_FAILED = 'Stepwise.SchemaValidationFailed';

/**
 * Data did not match the schema that types it: the execution input, or a
 * task's input or result. Its `name` is the ASL error name a runtime reports,
 * and its message, the cause, lists every issue with its path.
 */
export class SchemaValidationError extends StepwiseError {
  readonly code = 'BUILDER_SCHEMA_VALIDATION_FAILED';
  constructor(
    /** What was checked: `execution input`, or `the input of task "Charge"`... */
    readonly subject: string,
    readonly issues: readonly SchemaIssue[],
  ) {
    super(`${subject} does not match its schema: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    // Runtimes report a thrown error by its name; this is the name Retry and Catch match.
    this.name = SCHEMA_VALIDATION_FAILED;
  }
}

/** A schema whose validation is asynchronous, where a synchronous check was asked for. */
export class AsyncSchemaError extends StepwiseError {
  readonly code = 'BUILDER_ASYNC_SCHEMA';
  constructor(readonly subject: string) {
    super(`The schema of ${subject} validates asynchronously; use the asynchronous check instead.`);
  }
}
