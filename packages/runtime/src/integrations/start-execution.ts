import type { Execution, ExecutionResult } from '../engine/execution-result';
import { ErrorNames } from '../errors/error-names';
import { ExecutionAlreadyExistsError, StatesError } from '../errors/runtime-errors';
import { StateMachineDoesNotExistError } from '../machines/machine-errors';
import type { TaskHandler } from '../tasks/task-handler';
import type { IntegrationPattern } from './resource-arn';

/** What the runtime needs to start a nested execution. */
export interface ChildRequest {
  readonly stateMachineArn: string;
  readonly name: string | undefined;
  readonly input: unknown;
}

export interface StartedChild {
  readonly execution: Execution;
  readonly stateMachineArn: string;
  readonly startDate: Date;
  /** When the child ended; read after its result has settled. */
  stopDate(): Date;
}

export type ChildStarter = (request: ChildRequest) => StartedChild;

/**
 * `arn:aws:states:::states:startExecution` in its three patterns. Without a suffix the parent gets
 * `{ExecutionArn, StartDate}` and moves on. `.sync` waits and returns DescribeExecution's shape
 * with `Input`/`Output` as JSON text; `.sync:2` returns them as JSON. A child that does not succeed
 * fails the parent's task with `States.TaskFailed`, the description as the cause. Stopping the
 * parent (or its task timing out) stops a child it is waiting for.
 */
export function startExecutionHandler(
  start: ChildStarter,
  pattern: IntegrationPattern,
  submitted: (output: unknown) => void,
): TaskHandler {
  return async (input, context) => {
    const parameters = (input ?? {}) as Readonly<Record<string, unknown>>;
    const child = startChild(start, parameters);
    const started = { ExecutionArn: child.execution.executionArn, StartDate: child.startDate.getTime() };
    if (pattern !== 'sync' && pattern !== 'sync:2') return started;
    submitted(started);
    const stopChild = () => child.execution.stop({ cause: 'The parent execution stopped waiting for it.' });
    context.signal.addEventListener('abort', stopChild, { once: true });
    try {
      const result = await child.execution.result();
      const description = describe(child, parameters, result, pattern === 'sync:2');
      if (result.status !== 'SUCCEEDED') {
        throw new StatesError(
          ErrorNames.taskFailed,
          JSON.stringify(describe(child, parameters, result, false)),
        );
      }
      return description;
    } finally {
      context.signal.removeEventListener('abort', stopChild);
    }
  };
}

function startChild(start: ChildStarter, parameters: Readonly<Record<string, unknown>>): StartedChild {
  const stateMachineArn = String(parameters.StateMachineArn);
  try {
    return start({
      stateMachineArn,
      name: typeof parameters.Name === 'string' ? parameters.Name : undefined,
      input: childInput(parameters.Input),
    });
  } catch (error) {
    if (error instanceof StateMachineDoesNotExistError) {
      throw sfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    }
    if (error instanceof ExecutionAlreadyExistsError) {
      throw sfnError('ExecutionAlreadyExists', `Execution Already Exists: '${error.executionArn}'`);
    }
    throw error;
  }
}

/** `Input` may be JSON or the JSON text of it (`States.JsonToString($)`); none means `{}`. */
function childInput(input: unknown): unknown {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch {
    throw sfnError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${input}'`);
  }
}

function sfnError(code: string, message: string): StatesError {
  return new StatesError(
    `StepFunctions.${code}Exception`,
    `${message} (Service: AWSStepFunctions; Status Code: 400; Error Code: ${code}; Request ID: ; Proxy: null)`,
  );
}

/** DescribeExecution's answer for the finished child. */
function describe(
  child: StartedChild,
  parameters: Readonly<Record<string, unknown>>,
  result: ExecutionResult,
  asJson: boolean,
): Record<string, unknown> {
  const input = childInput(parameters.Input);
  const description: Record<string, unknown> = {
    ExecutionArn: child.execution.executionArn,
    Input: asJson ? input : JSON.stringify(input),
    InputDetails: { Included: true },
    Name: child.execution.name,
  };
  if (result.status === 'SUCCEEDED') {
    description.Output = asJson ? result.output : JSON.stringify(result.output ?? null);
    description.OutputDetails = { Included: true };
  } else {
    if (result.error !== undefined) description.Error = result.error;
    if (result.cause !== undefined) description.Cause = result.cause;
  }
  description.RedriveCount = 0;
  // AWS lets failed, timed-out and aborted executions be redriven; a succeeded one cannot be.
  if (result.status === 'SUCCEEDED') {
    description.RedriveStatus = 'NOT_REDRIVABLE';
    description.RedriveStatusReason = 'Execution is SUCCEEDED and cannot be redriven';
  } else {
    description.RedriveStatus = 'REDRIVABLE';
  }
  description.StartDate = child.startDate.getTime();
  description.StateMachineArn = child.stateMachineArn;
  description.Status = result.status;
  description.StopDate = child.stopDate().getTime();
  return description;
}
