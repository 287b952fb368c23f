import { errorAndCauseProblem } from '../callbacks/task-answer-checks';
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
  const problem = errorAndCauseProblem(reason.error, reason.cause);
  if (problem !== undefined) throw new InvalidStopReasonError(executionArn, `its ${problem}`);
}

/**
 * Refuses a start option that names an ARN of the wrong kind: the execution's ARN is made from the
 * machine's, so `StateMachine:undefined` or an ARN that names no execution would be stored as one.
 */
export function checkStartArns(options: {
  readonly executionArn?: unknown;
  readonly stateMachineArn?: unknown;
}): void {
  const { executionArn, stateMachineArn } = options;
  if (executionArn !== undefined && !isArnOf(executionArn, 'execution')) {
    throw new InvalidArnError(
      'executionArn',
      executionArn,
      'an execution ARN (arn:aws:states:…:execution:<machine>:<name>)',
    );
  }
  if (stateMachineArn !== undefined && !isArnOf(stateMachineArn, 'stateMachine')) {
    throw new InvalidArnError(
      'stateMachineArn',
      stateMachineArn,
      'a state machine ARN (arn:aws:states:…:stateMachine:<name>)',
    );
  }
}

/** `arn:<partition>:states:<region>:<account>:<kind>:<name>…` with every part present. */
function isArnOf(value: unknown, kind: 'execution' | 'stateMachine'): boolean {
  if (typeof value !== 'string') return false;
  const parts = value.split(':');
  const length = kind === 'execution' ? 8 : 7;
  return (
    parts.length === length &&
    parts[0] === 'arn' &&
    parts[2] === 'states' &&
    parts[5] === kind &&
    parts.every((part) => part.length > 0)
  );
}
