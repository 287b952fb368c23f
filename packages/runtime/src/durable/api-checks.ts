import { MAX_CAUSE_LENGTH, MAX_ERROR_LENGTH } from '../callbacks/task-answer-checks';
import type { StopReason } from '../engine/execution-result';
import { InvalidArnError, InvalidStopReasonError } from './store-errors';

/**
 * Refuses an ARN argument that is not a non-empty string before it reaches a store: a SQL store
 * would otherwise fail on it with a driver error that names no argument.
 */
export function checkArnArgument(argument: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidArnError(argument, value);
}

/** Refuses a StopExecution `error` or `cause` AWS would refuse (not a string, or too long). */
export function checkStopReason(executionArn: string, reason: Readonly<StopReason>): void {
  for (const [field, value, max] of [
    ['error', reason.error, MAX_ERROR_LENGTH],
    ['cause', reason.cause, MAX_CAUSE_LENGTH],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string')
      throw new InvalidStopReasonError(executionArn, `its ${field} must be a string.`);
    if (value.length > max) {
      throw new InvalidStopReasonError(executionArn, `its ${field} is longer than ${max} characters.`);
    }
  }
}
