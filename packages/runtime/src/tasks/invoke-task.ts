import { toJson } from '../dataflow/payload-size';
import type { Frame } from '../engine/run-context';
import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import { fail } from '../errors/state-failure';
import {
  functionNotFound,
  invokeResponse,
  isLambdaFunctionArn,
  isLambdaInvokeResource,
  lambdaPayload,
  resolveFunctionHandler,
} from '../integrations/lambda-invoke';
import { callHandler } from './call-handler';
import type { TaskHandler } from './task-handler';

export interface TaskInvocation {
  readonly resource: string;
  readonly input: unknown;
  readonly stateName: string;
  readonly attempt: number;
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
  readonly taskToken: string;
  readonly contextObject: Readonly<Record<string, unknown>>;
}

const NOT_TRUNCATED = Object.freeze({ truncated: false });

/**
 * Runs one attempt of a Task: records the scheduling events AWS records for the resource
 * (LambdaFunction* for a function ARN, Task* otherwise), calls the handler and returns its result.
 */
export async function invokeTask(frame: Frame, call: TaskInvocation): Promise<unknown> {
  const { recorder } = frame.run;
  const lane = frame.lane;
  const lambda = isLambdaFunctionArn(call.resource);
  const [resourceType, resource] = describeResource(call.resource);
  if (lambda) {
    const details: Record<string, unknown> = {
      resource: call.resource,
      input: toJson(call.input),
      inputDetails: NOT_TRUNCATED,
    };
    if (call.timeoutSeconds !== undefined) details.timeoutInSeconds = call.timeoutSeconds;
    recorder.advance(lane, 'LambdaFunctionScheduled', details);
    recorder.advance(lane, 'LambdaFunctionStarted');
  } else {
    const details: Record<string, unknown> = {
      resourceType,
      resource,
      region: frame.run.region,
      parameters: toJson(call.input),
    };
    if (call.timeoutSeconds !== undefined) details.timeoutInSeconds = call.timeoutSeconds;
    if (call.heartbeatSeconds !== undefined) details.heartbeatInSeconds = call.heartbeatSeconds;
    recorder.advance(lane, 'TaskScheduled', details);
    recorder.advance(lane, 'TaskStarted', { resourceType, resource });
  }
  try {
    const result = await run(frame, call);
    const output = toJson(result);
    if (lambda) recorder.advance(lane, 'LambdaFunctionSucceeded', { output, outputDetails: NOT_TRUNCATED });
    else
      recorder.advance(lane, 'TaskSucceeded', {
        resourceType,
        resource,
        output,
        outputDetails: NOT_TRUNCATED,
      });
    return result;
  } catch (thrown) {
    if (frame.run.signal.aborted) throw thrown;
    const { error, cause } = describeError(thrown);
    const timedOut = error === ErrorNames.timeout || error === ErrorNames.heartbeatTimeout;
    if (lambda)
      recorder.advance(lane, timedOut ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed', { error, cause });
    else
      recorder.advance(lane, timedOut ? 'TaskTimedOut' : 'TaskFailed', {
        resourceType,
        resource,
        error,
        cause,
      });
    return fail(error, cause);
  }
}

async function run(frame: Frame, call: TaskInvocation): Promise<unknown> {
  const registry = frame.run.tasks;
  let handler: TaskHandler | undefined = registry.find(call.resource);
  let input = call.input;
  let wrap: ((result: unknown) => unknown) | undefined;
  if (!handler && isLambdaInvokeResource(call.resource)) {
    const parameters = (call.input ?? {}) as Readonly<Record<string, unknown>>;
    const functionName = String(parameters.FunctionName);
    handler = resolveFunctionHandler(registry, functionName, frame.run.region, frame.run.accountId);
    if (!handler) throw functionNotFound(functionName, frame.run.region, frame.run.accountId);
    input = lambdaPayload(parameters.Payload);
    wrap = (result) => invokeResponse(result, parameters);
  }
  if (!handler) {
    throw new StatesError(
      ErrorNames.runtime,
      `No task handler is registered for the resource '${call.resource}' (state '${call.stateName}').`,
    );
  }
  const result = await callHandler(handler, input, {
    clock: frame.run.clock,
    executionSignal: frame.run.signal,
    timeoutSeconds: call.timeoutSeconds,
    heartbeatSeconds: call.heartbeatSeconds,
    context: {
      resource: call.resource,
      stateName: call.stateName,
      executionArn: frame.run.identity.executionArn,
      taskToken: call.taskToken,
      attempt: call.attempt,
      contextObject: call.contextObject,
    },
  });
  return wrap ? wrap(result) : result;
}

function describeError(thrown: unknown): { error: string | undefined; cause: string | undefined } {
  if (thrown instanceof StatesError) return { error: thrown.error, cause: thrown.cause };
  if (thrown instanceof Error) return { error: thrown.name || 'Error', cause: thrown.message };
  return { error: 'Error', cause: String(thrown) };
}

/** AWS's resourceType/resource pair, e.g. `lambda`/`invoke` for arn:aws:states:::lambda:invoke. */
function describeResource(arn: string): [string, string] {
  const service = /^arn:aws[\w-]*:states:::([^:]+):(.+)$/.exec(arn);
  if (service) return [service[1] as string, service[2] as string];
  const parts = arn.split(':');
  return [parts[2] ?? 'unknown', parts.slice(5).join(':') || arn];
}
