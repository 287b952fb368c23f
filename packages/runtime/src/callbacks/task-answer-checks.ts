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

/** An error or cause that is not a string, or is longer than AWS takes: AWS's ValidationException. */
export class InvalidTaskFailureError extends TaskTokenError {
  readonly code = 'INVALID_TASK_FAILURE';
  readonly awsName = 'ValidationException';
}

/** The JSON text of a task's output, or InvalidOutputError saying why there is none. */
export function outputJson(taskToken: string, output: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(output ?? null);
  } catch (error) {
    throw new InvalidOutputError(taskToken, (error as Error).message);
  }
  if (json === undefined) throw new InvalidOutputError(taskToken, `${typeof output} is not JSON.`);
  return json;
}

/** Refuses an error or cause that AWS's SendTaskFailure would. */
export function checkTaskFailure(taskToken: string, error: unknown, cause: unknown): void {
  for (const [field, value, max] of [
    ['error', error, MAX_ERROR_LENGTH],
    ['cause', cause, MAX_CAUSE_LENGTH],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      throw new InvalidTaskFailureError(taskToken, `The task failure's ${field} must be a string.`);
    }
    if (value.length > max) {
      throw new InvalidTaskFailureError(
        taskToken,
        `The task failure's ${field} is longer than ${max} characters.`,
      );
    }
  }
}
