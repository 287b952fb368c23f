import { type EventTag, FieldsTag, PayloadTag } from '../history/event-tag';
import type { HistoryEventType } from '../history/history-event';
import type { HistoryRecorder, Lane } from '../history/history-recorder';
import { LazyPayload } from '../history/lazy-payload';
import { parseResource } from '../integrations/resource-arn';

const NOT_TRUNCATED = Object.freeze({ truncated: false });

/**
 * The events of a Task's invocations in the family AWS uses for its resource: `LambdaFunction*`
 * for a function ARN, `Activity*` for an activity, `Task*` for everything else. Worked out once
 * per resource; payloads are recorded as values and serialised only when the history is read.
 */
export class TaskEventFamily {
  private readonly kind: 'lambda-function' | 'activity' | 'task';
  private readonly prefix: 'LambdaFunction' | 'Activity' | 'Task';
  /** AWS's resourceType/resource pair, for `Task*` events. */
  private readonly resourceType: string;
  private readonly resourceName: string;
  private readonly types: {
    readonly scheduled: HistoryEventType;
    readonly succeeded: HistoryEventType;
    readonly failed: HistoryEventType;
    readonly timedOut: HistoryEventType;
  };
  /** The success event, and the scheduling of a Lambda function without limits, as tags. */
  private readonly succeededTag: EventTag;
  private readonly lambdaScheduledTag: EventTag;

  constructor(readonly resource: string) {
    const kind = parseResource(resource).kind;
    this.kind = kind === 'lambda-function' || kind === 'activity' ? kind : 'task';
    this.prefix =
      this.kind === 'lambda-function' ? 'LambdaFunction' : this.kind === 'activity' ? 'Activity' : 'Task';
    const [resourceType, resourceName] = describeResource(resource);
    this.resourceType = resourceType;
    this.resourceName = resourceName;
    this.types = {
      scheduled: `${this.prefix}Scheduled` as HistoryEventType,
      succeeded: `${this.prefix}Succeeded` as HistoryEventType,
      failed: `${this.prefix}Failed` as HistoryEventType,
      timedOut: `${this.prefix}TimedOut` as HistoryEventType,
    };
    this.succeededTag =
      this.kind === 'task'
        ? new FieldsTag('TaskSucceeded', (output) => ({
            resourceType,
            resource: resourceName,
            output: new LazyPayload(output),
            outputDetails: NOT_TRUNCATED,
          }))
        : new PayloadTag(this.types.succeeded, 'output');
    this.lambdaScheduledTag = new FieldsTag('LambdaFunctionScheduled', (input) => ({
      resource,
      input: new LazyPayload(input),
      inputDetails: NOT_TRUNCATED,
    }));
  }

  /** Records the scheduling events, and the start too except for activities. */
  scheduled(
    recorder: HistoryRecorder,
    lane: Lane,
    input: unknown,
    region: string,
    timeoutSeconds: number | undefined,
    heartbeatSeconds: number | undefined,
    /** When the task was scheduled, if already read from the clock; its start shares the instant. */
    time?: number,
  ): void {
    if (this.kind === 'task') {
      const details: Record<string, unknown> = {
        resourceType: this.resourceType,
        resource: this.resourceName,
        region,
        parameters: new LazyPayload(input),
      };
      if (timeoutSeconds !== undefined) details.timeoutInSeconds = timeoutSeconds;
      if (heartbeatSeconds !== undefined) details.heartbeatInSeconds = heartbeatSeconds;
      const scheduled = recorder.advance(lane, 'TaskScheduled', details, time);
      recorder.advance(
        lane,
        'TaskStarted',
        { resourceType: this.resourceType, resource: this.resourceName },
        recorder.timeOf(scheduled),
      );
      return;
    }
    let scheduled: number;
    if (this.kind === 'lambda-function' && timeoutSeconds === undefined) {
      // The common case: only the input is kept, beside the resource's tag, until read.
      scheduled = recorder.advanceTagged(lane, this.lambdaScheduledTag, input, time);
    } else {
      const details: Record<string, unknown> = {
        resource: this.resource,
        input: new LazyPayload(input),
        inputDetails: NOT_TRUNCATED,
      };
      if (timeoutSeconds !== undefined) details.timeoutInSeconds = timeoutSeconds;
      if (this.kind === 'activity' && heartbeatSeconds !== undefined) {
        details.heartbeatInSeconds = heartbeatSeconds;
      }
      scheduled = recorder.advance(lane, this.types.scheduled, details, time);
    }
    if (this.kind === 'lambda-function') {
      recorder.advance(lane, 'LambdaFunctionStarted', undefined, recorder.timeOf(scheduled));
    }
  }

  /** An activity's start, recorded when a worker takes the task. */
  started(recorder: HistoryRecorder, lane: Lane, workerName?: string): void {
    if (this.kind === 'activity') recorder.advance(lane, 'ActivityStarted', workerName ? { workerName } : {});
  }

  /** `TaskSubmitted`: the request went out and the task now waits (callback or job). */
  submitted(recorder: HistoryRecorder, lane: Lane, output: unknown): void {
    if (this.kind !== 'task') return;
    recorder.advance(lane, 'TaskSubmitted', {
      resourceType: this.resourceType,
      resource: this.resourceName,
      output: new LazyPayload(output),
      outputDetails: NOT_TRUNCATED,
    });
  }

  succeeded(recorder: HistoryRecorder, lane: Lane, output: unknown): void {
    recorder.advanceTagged(lane, this.succeededTag, output);
  }

  failed(
    recorder: HistoryRecorder,
    lane: Lane,
    error: string | undefined,
    cause: string | undefined,
    timedOut: boolean,
  ): void {
    if (this.kind !== 'task') {
      recorder.advance(lane, timedOut ? this.types.timedOut : this.types.failed, {
        error,
        cause,
      });
      return;
    }
    recorder.advance(lane, timedOut ? 'TaskTimedOut' : 'TaskFailed', {
      resourceType: this.resourceType,
      resource: this.resourceName,
      error,
      cause,
    });
  }
}

/** AWS's resourceType/resource pair, e.g. `lambda`/`invoke` for arn:aws:states:::lambda:invoke. */
function describeResource(arn: string): [string, string] {
  const service = /^arn:aws[\w-]*:states:::([^:]+):(.+)$/.exec(arn);
  if (service) return [service[1] as string, service[2] as string];
  const parts = arn.split(':');
  return [parts[2] ?? 'unknown', parts.slice(5).join(':') || arn];
}
