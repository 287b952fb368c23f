import type { ExecutionResult } from '../engine/execution-result';
import { ErrorNames } from '../errors/error-names';
import {
  ExecutionAlreadyExistsError,
  InvalidExecutionInputError,
  StatesError,
} from '../errors/runtime-errors';
import { InvalidNameError } from '../machines/aws-names';
import { StateMachineDoesNotExistError } from '../machines/machine-errors';
import type { TaskContext, TaskHandler } from '../tasks/task-handler';
import type { IntegrationPattern } from './resource-arn';

/** What the runtime needs to start a nested execution. */
export interface ChildRequest {
  readonly stateMachineArn: string;
  readonly name: string | undefined;
  readonly input: unknown;
  /**
   * The task attempt's idempotency key: a durable parent names a child it was not given a name
   * for after it, so that running the attempt again finds the same child.
   */
  readonly attemptKey: string;
  /** A resumed parent: the child its task started before the restart, to find rather than start. */
  readonly startedBefore: string | undefined;
  /**
   * A resumed parent whose attempt was scheduled before the restart, when it was: a child of the
   * attempt's name started since then may be one the attempt started before it could record it.
   */
  readonly scheduledBefore: number | undefined;
  /** Fires when the parent no longer waits for the child (stopped, or its task timed out). */
  readonly signal: AbortSignal;
}

/** A nested execution as its parent's task sees it. */
export interface StartedChild {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly startDate: Date;
  /** Settles when the child ends; never rejects for a failed child. */
  result(): Promise<ExecutionResult>;
  /** The parent stopped waiting for it (stopped, or its task timed out). */
  stop(cause: string): void;
  /** When the child ended; read after its result has settled. */
  stopDate(): Date;
  /** How often the child was redriven (a durable child may be, while its parent waits). */
  redriveCount(): number;
}

export type ChildStarter = (request: ChildRequest) => StartedChild | Promise<StartedChild>;

/** How a `.sync` start is recorded, and found recorded by a resumed parent. */
export interface ChildSubmission {
  submitted(output: unknown): void;
  submittedBefore(): { readonly output: unknown } | undefined;
  readonly scheduledBefore: number | undefined;
}

/**
 * `arn:aws:states:::states:startExecution` in its three patterns. Without a suffix the parent gets
 * `{ExecutionArn, StartDate}` and moves on. `.sync` waits and returns DescribeExecution's shape
 * with `Input`/`Output` as JSON text, `.sync:2` returns them as JSON. A child that does not succeed
 * fails the parent's task with `States.TaskFailed`, the description as the cause. Stopping the
 * parent (or its task timing out) stops a child it is waiting for. A durable parent that resumes
 * after the child started waits for that child rather than starting another.
 */
export function startExecutionHandler(
  start: ChildStarter,
  pattern: IntegrationPattern,
  hooks: ChildSubmission,
): TaskHandler {
  return async (input, context) => {
    const parameters = (input ?? {}) as Readonly<Record<string, unknown>>;
    const before = hooks.submittedBefore();
    const startedBefore = arnIn(before?.output);
    const child = await startChild(start, parameters, context, {
      startedBefore,
      scheduledBefore: hooks.scheduledBefore,
    });
    const started = { ExecutionArn: child.executionArn, StartDate: child.startDate.getTime() };
    if (pattern !== 'sync' && pattern !== 'sync:2') return started;
    if (!before) hooks.submitted(started);
    const stopChild = () => child.stop('The parent execution stopped waiting for it.');
    // Stopped while the child was being started: the signal has fired already, and a listener
    // added now would never run.
    if (context.signal.aborted) stopChild();
    context.signal.addEventListener('abort', stopChild, { once: true });
    try {
      const result = await child.result();
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

/** The child's ARN in a recorded `TaskSubmitted` output, if it is there. */
function arnIn(output: unknown): string | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  const arn = (output as { readonly ExecutionArn?: unknown }).ExecutionArn;
  return typeof arn === 'string' ? arn : undefined;
}

async function startChild(
  start: ChildStarter,
  parameters: Readonly<Record<string, unknown>>,
  context: TaskContext,
  resumed: Pick<ChildRequest, 'startedBefore' | 'scheduledBefore'>,
): Promise<StartedChild> {
  const stateMachineArn = String(parameters.StateMachineArn);
  try {
    return await start({
      stateMachineArn,
      name: typeof parameters.Name === 'string' ? parameters.Name : undefined,
      input: childInput(parameters.Input),
      attemptKey: context.idempotencyKey,
      ...resumed,
      signal: context.signal,
    });
  } catch (error) {
    if (error instanceof StateMachineDoesNotExistError) {
      throw sfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    }
    if (error instanceof ExecutionAlreadyExistsError) {
      throw sfnError('ExecutionAlreadyExists', `Execution Already Exists: '${error.executionArn}'`);
    }
    // What StartExecution would refuse is the task's error under AWS's name, so a Catch matches.
    if (error instanceof InvalidNameError) throw sfnError('InvalidName', error.message);
    if (error instanceof InvalidExecutionInputError) throw sfnError('InvalidExecutionInput', error.message);
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
    ExecutionArn: child.executionArn,
    Input: asJson ? input : JSON.stringify(input),
    InputDetails: { Included: true },
    Name: child.name,
  };
  if (result.status === 'SUCCEEDED') {
    description.Output = asJson ? result.output : JSON.stringify(result.output ?? null);
    description.OutputDetails = { Included: true };
  } else {
    if (result.error !== undefined) description.Error = result.error;
    if (result.cause !== undefined) description.Cause = result.cause;
  }
  description.RedriveCount = child.redriveCount();
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
