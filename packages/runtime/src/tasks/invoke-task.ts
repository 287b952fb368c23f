import { recordedTaskOutcome } from '../durable/task-replay';
import type { Frame } from '../engine/run-context';
import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import { fail } from '../errors/state-failure';
import { handlerOf, type InvocationHooks } from '../integrations/resolve-target';
import { TargetCache } from '../integrations/target-cache';
import type { StateEntry } from '../plan/compiled-state';
import { callHandler } from './call-handler';
import { HandlerContext } from './handler-context';
import { TaskEventFamily } from './task-events';

export interface TaskInvocation {
  readonly entry: StateEntry;
  readonly resource: string;
  readonly input: unknown;
  readonly stateName: string;
  readonly attempt: number;
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
  readonly taskToken: string;
  /** `$$` as built for the state's fields; undefined when they never read it (built on demand). */
  readonly contextObject: Readonly<Record<string, unknown>> | undefined;
}

/** What a Task state works out once for a resource: its event family and what serves it. */
export class TaskRoute {
  readonly events: TaskEventFamily;
  readonly targets: TargetCache;

  constructor(resource: string, stateName: string) {
    this.events = new TaskEventFamily(resource);
    this.targets = new TargetCache(resource, stateName);
  }
}

/** Turns a task's result into what the state does next; runs once the events are recorded. */
export type TaskFinish<T> = (frame: Frame, call: TaskInvocation, result: unknown) => T;

/**
 * Runs one attempt of a Task: records the events AWS records for the resource (LambdaFunction* for
 * a function ARN, Activity* for an activity, Task* otherwise), calls what serves the resource and
 * hands its result to `finish`. The handler's own promise is the only one awaited, so a trivial
 * task costs one promise turn here. An error thrown by `finish` is the state's, not the task's.
 */
export async function invokeTask<T>(
  frame: Frame,
  call: TaskInvocation,
  route: TaskRoute,
  finish: TaskFinish<T>,
): Promise<T> {
  const run = frame.run;
  const recorder = run.recorder;
  const lane = frame.lane;
  const context = new HandlerContext(
    call.resource,
    call.stateName,
    run.identity.executionArn,
    call.taskToken,
    call.attempt,
    call.contextObject,
    frame,
    call.entry,
    run.signal,
    recorder,
    lane.path,
    lane.seq,
  );
  route.events.scheduled(recorder, lane, call.input, run.region, call.timeoutSeconds, call.heartbeatSeconds);
  // A durable execution resuming: an outcome recorded before the restart is not produced again.
  const recorded = recordedTaskOutcome(recorder, lane);
  let result: unknown;
  try {
    if (recorded) result = recorded();
    else {
      const target = route.targets.get(run.integrations);
      const handler = target.handler ?? handlerOf(target, hooksFor(frame, route.events));
      result = await callHandler(handler, call.input, context, run.clock, target, call);
    }
    route.events.succeeded(recorder, lane, result);
  } catch (thrown) {
    if (run.signal.aborted) throw thrown;
    const { error, cause } = describeError(thrown);
    route.events.failed(
      recorder,
      lane,
      error,
      cause,
      error === ErrorNames.timeout || error === ErrorNames.heartbeatTimeout,
    );
    return fail(error, cause);
  } finally {
    context.release();
  }
  return finish(frame, call, result);
}

/** The events a running integration records itself; not after the execution has stopped. */
function hooksFor(frame: Frame, events: TaskEventFamily): InvocationHooks {
  return {
    submitted: (output) => {
      if (!frame.run.signal.aborted) events.submitted(frame.run.recorder, frame.lane, output);
    },
    activityStarted: (workerName) => {
      if (!frame.run.signal.aborted) events.started(frame.run.recorder, frame.lane, workerName);
    },
  };
}

function describeError(thrown: unknown): { error: string | undefined; cause: string | undefined } {
  if (thrown instanceof StatesError) return { error: thrown.error, cause: thrown.cause };
  if (thrown instanceof Error) return { error: thrown.name || 'Error', cause: thrown.message };
  return { error: 'Error', cause: String(thrown) };
}
