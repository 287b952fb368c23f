import { idempotencyKey, recordedTaskOutcome } from '../durable/task-replay';
import type { Frame } from '../engine/run-context';
import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import { fail } from '../errors/state-failure';
import { resolveTarget } from '../integrations/resolve-target';
import { callHandler } from './call-handler';
import { type TaskEvents, taskEvents } from './task-events';

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

/**
 * Runs one attempt of a Task: records the events AWS records for the resource (LambdaFunction* for
 * a function ARN, Activity* for an activity, Task* otherwise), calls what serves the resource and
 * returns its result.
 */
export async function invokeTask(frame: Frame, call: TaskInvocation): Promise<unknown> {
  const events = taskEvents(frame.run.recorder, frame.lane, {
    resource: call.resource,
    input: call.input,
    region: frame.run.region,
    timeoutSeconds: call.timeoutSeconds,
    heartbeatSeconds: call.heartbeatSeconds,
  });
  const key = idempotencyKey(
    frame.run.identity.executionArn,
    frame.run.recorder,
    frame.lane,
    call.stateName,
    call.attempt,
  );
  events.scheduled();
  // A durable execution resuming: an outcome recorded before the restart is not produced again.
  const recorded = recordedTaskOutcome(frame.run.recorder, frame.lane);
  try {
    const result = recorded ? recorded() : await run(frame, call, events, key);
    events.succeeded(result);
    return result;
  } catch (thrown) {
    if (frame.run.signal.aborted) throw thrown;
    const { error, cause } = describeError(thrown);
    events.failed(error, cause, error === ErrorNames.timeout || error === ErrorNames.heartbeatTimeout);
    return fail(error, cause);
  }
}

async function run(frame: Frame, call: TaskInvocation, events: TaskEvents, key: string): Promise<unknown> {
  const target = resolveTarget(frame.run.integrations, call.resource, call.stateName, {
    submitted: (output) => {
      if (!frame.run.signal.aborted) events.submitted(output);
    },
    activityStarted: (workerName) => {
      if (!frame.run.signal.aborted) events.started(workerName);
    },
  });
  return callHandler(target.handler, call.input, {
    clock: frame.run.clock,
    executionSignal: frame.run.signal,
    timeoutSeconds: call.timeoutSeconds,
    heartbeatSeconds: call.heartbeatSeconds,
    tracked: target.clockVisible !== true,
    deferHeartbeat: target.deferHeartbeat,
    context: {
      resource: call.resource,
      stateName: call.stateName,
      executionArn: frame.run.identity.executionArn,
      taskToken: call.taskToken,
      attempt: call.attempt,
      idempotencyKey: key,
      contextObject: call.contextObject,
    },
  });
}

function describeError(thrown: unknown): { error: string | undefined; cause: string | undefined } {
  if (thrown instanceof StatesError) return { error: thrown.error, cause: thrown.cause };
  if (thrown instanceof Error) return { error: thrown.name || 'Error', cause: thrown.message };
  return { error: 'Error', cause: String(thrown) };
}
