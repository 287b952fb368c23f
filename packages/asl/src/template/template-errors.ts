import { StepwiseError } from '../errors';

/**
 * A payload template that is malformed: a `.$` key whose value is not a
 * string, not a valid path or not a valid intrinsic call. Found when the
 * definition is compiled, before any data is seen.
 */
export class InvalidPayloadTemplateError extends StepwiseError {
  readonly code = 'INVALID_PAYLOAD_TEMPLATE';
  /** JSON pointer of the offending key inside the template, e.g. `/order/items/0/id.$`. */
  readonly pointer: string;
  /** The state field holding the template (e.g. `Parameters`), when the caller named it. */
  readonly field: string | undefined;

  constructor(pointer: string, reason: string, options: { field?: string; cause?: unknown } = {}) {
    const where = options.field === undefined ? pointer : `${options.field}${pointer}`;
    super(`Invalid payload template at '${where}': ${reason}`, { cause: options.cause });
    this.pointer = pointer;
    this.field = options.field;
  }
}

/**
 * A template path that matched nothing in the data. The message is the cause
 * AWS reports with `States.Runtime` for the same situation.
 */
export class PayloadPathNotFoundError extends StepwiseError {
  readonly code = 'PAYLOAD_PATH_NOT_FOUND';
  /** The template key without its `.$` suffix. */
  readonly field: string;
  /** The path as written in the template. */
  readonly path: string;
  /** The document the path was evaluated against (the context object for a `$$` path). */
  readonly input: unknown;

  constructor(field: string, path: string, input: unknown) {
    super(
      `The JSONPath '${path}' specified for the field '${field}.$' could not be found in the input '${stringify(input)}'`,
    );
    this.field = field;
    this.path = path;
    this.input = input;
  }
}

function stringify(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : text;
}
