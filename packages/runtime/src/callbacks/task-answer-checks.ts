import { MAX_PAYLOAD_BYTES } from '../dataflow/payload-size';
import { TaskTokenError } from './callback-errors';

/** AWS's limits on SendTaskFailure's fields. */
export const MAX_ERROR_LENGTH = 256;
export const MAX_CAUSE_LENGTH = 32_768;

/** An output that is not JSON (a BigInt, a cycle): AWS's InvalidOutput. */
export class InvalidOutputError extends TaskTokenError {
  readonly code = 'INVALID_OUTPUT';
  readonly awsName = 'InvalidOutput';
  constructor(taskToken: string, why: string) {
    super(taskToken, `The provided JSON output data is invalid: ${why}`);
  }
}

/** An output whose JSON is over 256 KiB, which SendTaskSuccess refuses: AWS's ValidationException. */
export class OutputTooLargeError extends TaskTokenError {
  readonly code = 'OUTPUT_TOO_LARGE';
  readonly awsName = 'ValidationException';
  constructor(taskToken: string, bytes: number) {
    super(
      taskToken,
      `The output is ${bytes} bytes of JSON, over the limit of ${MAX_PAYLOAD_BYTES} bytes (256 KiB).`,
    );
  }
}

/** An error or cause that is not a string, or is longer than AWS takes: AWS's ValidationException. */
export class InvalidTaskFailureError extends TaskTokenError {
  readonly code = 'INVALID_TASK_FAILURE';
  readonly awsName = 'ValidationException';
}

/**
 * The JSON text of a task's output, or InvalidOutputError saying why there is none, or
 * OutputTooLargeError when it is over 256 KiB (the task would only fail with
 * States.DataLimitExceeded later).
 */
export function outputJson(taskToken: string, output: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(output ?? null);
  } catch (error) {
    throw new InvalidOutputError(taskToken, (error as Error).message);
  }
  if (json === undefined) throw new InvalidOutputError(taskToken, `${typeof output} is not JSON.`);
  // A string's UTF-8 bytes are at most three per UTF-16 unit: most outputs need no count.
  if (json.length * 3 > MAX_PAYLOAD_BYTES) {
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > MAX_PAYLOAD_BYTES) throw new OutputTooLargeError(taskToken, bytes);
  }
  return json;
}

/** Refuses an error or cause that AWS's SendTaskFailure would. */
export function checkTaskFailure(taskToken: string, error: unknown, cause: unknown): void {
  const problem = errorAndCauseProblem(error, cause);
  if (problem !== undefined) throw new InvalidTaskFailureError(taskToken, `The task failure's ${problem}`);
}

/**
 * What is wrong with an `error` and `cause` as AWS takes them (SendTaskFailure, StopExecution):
 * each optional, a string, at most 256 and 32,768 characters. Undefined when nothing is.
 */
export function errorAndCauseProblem(error: unknown, cause: unknown): string | undefined {
  for (const [field, value, max] of [
    ['error', error, MAX_ERROR_LENGTH],
    ['cause', cause, MAX_CAUSE_LENGTH],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string') return `${field} must be a string.`;
    if (value.length > max) return `${field} is longer than ${max} characters.`;
  }
  return undefined;
}
