import { StepwiseError } from '../errors';

/** A JSONPath that cannot be parsed, with the character offset where it went wrong. */
export class InvalidPathError extends StepwiseError {
  readonly code = 'INVALID_JSONPATH';
  /** Zero-based offset into `source` of the offending character. */
  readonly position: number;
  readonly source: string;
  /** The reason alone, without the path and position. */
  readonly reason: string;

  constructor(source: string, position: number, reason: string) {
    super(`Invalid JSONPath '${source}' at position ${position}: ${reason}`);
    this.source = source;
    this.position = position;
    this.reason = reason;
  }
}

/**
 * ResultPath could not place the result: the path is not a reference path or
 * it runs through a value that is not an object. The message is the cause
 * text AWS reports for the same situation.
 */
export class ResultPathMatchError extends StepwiseError {
  readonly code = 'RESULT_PATH_MATCH_FAILURE';
  readonly path: string;
  readonly input: unknown;
  /** Why the path could not be applied, when more is known than the AWS text says. */
  readonly reason: string | undefined;

  constructor(path: string, input: unknown, options?: { reason?: string }) {
    super(`Unable to apply ReferencePath ${path} to input ${stringifyForMessage(input)}`);
    this.path = path;
    this.input = input;
    this.reason = options?.reason;
  }
}

function stringifyForMessage(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : text;
}

/**
 * Evaluating a path would have taken more steps than any path over a payload of at most 256 KiB
 * needs: descendant segments chained over deep data, or filters that search the whole document
 * again for every element, grow as a power of the data's size.
 */
export class PathTooCostlyError extends StepwiseError {
  readonly code = 'JSONPATH_TOO_COSTLY';

  constructor(readonly limit: number) {
    super(`Evaluating the JSONPath took more than ${limit} steps, so it was stopped.`);
  }
}
