import { recordedTaskOutcome } from '../durable/task-replay';
import type { Frame } from '../engine/run-context';
import { detailsKeyOf, type HistoryEvent } from '../history/history-event';
import { handlerOf, type InvocationHooks } from '../integrations/resolve-target';
import { TargetCache } from '../integrations/target-cache';
import type { StateEntry } from '../plan/compiled-state';
import { callHandler } from './call-handler';
import { HandlerContext } from './handler-context';
import { PendingTask } from './pending-task';
import { TaskEventFamily } from './task-events';

export interface TaskInvocation {
  readonly entry: StateEntry;
  readonly resource: string;
  readonly input: unknown;
  readonly stateName: string;
  readonly attempt: number;
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
  /**
   * Made when first read; a durable execution's is reserved at scheduling (a function that makes
   * it), since it depends on the lane's place then.
   */
  readonly taskToken: string | (() => string) | undefined;
  /** When the attempt began, if it began in the same instant the state was entered. */
  readonly startedAt: number | undefined;
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
 * Starts one attempt of a Task: records the events AWS records for the resource (LambdaFunction*
 * for a function ARN, Activity* for an activity, Task* otherwise) and calls what serves the
 * resource. The attempt comes back as a `PendingTask` that finishes it once the call settles.
 */
export function invokeTask<T>(
  frame: Frame,
  call: TaskInvocation,
  route: TaskRoute,
  finish: TaskFinish<T>,
): PendingTask<T> {
  const run = frame.run;
  const recorder = run.recorder;
  const lane = frame.lane;
  const context = new HandlerContext(
    call.resource,
    call.stateName,
    call.taskToken,
    call.attempt,
    call.contextObject,
    frame,
    call.entry,
    lane.path,
    lane.seq,
  );
  // Read before it is replayed: an attempt scheduled before a restart runs again from that time.
  const scheduledBefore = recorder.recordedAhead(lane)?.timestamp.getTime();
  route.events.scheduled(
    recorder,
    lane,
    call.input,
    run.region,
    call.timeoutSeconds,
    call.heartbeatSeconds,
    call.startedAt,
  );
  // A durable execution resuming: an outcome recorded before the restart is not produced again.
  const recorded = recordedTaskOutcome(recorder, lane);
  let work: unknown;
  if (recorded) work = Promise.resolve().then(recorded);
  else {
    try {
      const target = route.targets.get(run.integrations);
      const handler =
        target.handler ?? handlerOf(target, hooksFor(frame, route.events, scheduledBefore, context));
      // Nothing of this call is recorded ahead (no TaskSubmitted, say): it runs anew, and a limit
      // that ran out while the process was down ends it first.
      const fresh = recorder.recordedAhead(lane) === undefined;
      // An execution whose own TimeoutSeconds ran out while the process was down ends here, and
      // nothing more of it runs.
      work =
        fresh && run.stop.expireOverdue()
          ? new Promise(() => {})
          : callHandler(handler, call.input, context, run.clock, target, call, fresh);
    } catch (error) {
      work = Promise.reject(error);
    }
  }
  return new PendingTask(work, frame, call, route, finish, context);
}

/** The events a running integration records itself; not after the execution has stopped. */
function hooksFor(
  frame: Frame,
  events: TaskEventFamily,
  scheduledBefore: number | undefined,
  attempt: HandlerContext,
): InvocationHooks {
  return {
    scheduledBefore,
    // A call that returns after its attempt timed out is too late: the lane has moved on, and an
    // event now would land at the place of whatever came next.
    submitted: (output) => {
      if (!frame.run.stop.aborted && !attempt.over) events.submitted(frame.run.recorder, frame.lane, output);
    },
    submittedBefore: () => {
      const { recorder } = frame.run;
      const recorded = recorder.recordedAhead(frame.lane);
      if (recorded?.type !== 'TaskSubmitted') return undefined;
      recorder.advance(frame.lane, 'TaskSubmitted');
      return { output: submittedOutput(recorded) };
    },
    startChild: frame.run.nested,
    activityStarted: (workerName) => {
      if (!frame.run.stop.aborted && !attempt.over)
        events.started(frame.run.recorder, frame.lane, workerName);
    },
  };
}

/** The output a recorded `TaskSubmitted` holds (JSON text), or null. */
function submittedOutput(event: HistoryEvent): unknown {
  const details = event[detailsKeyOf(event.type)] as { readonly output?: unknown } | undefined;
  if (typeof details?.output !== 'string') return null;
  try {
    return JSON.parse(details.output);
  } catch {
    return null;
  }
}
