import { toJson } from '../dataflow/payload-size';
import type { HistoryRecorder, Lane } from '../history/history-recorder';
import { parseResource } from '../integrations/resource-arn';

const NOT_TRUNCATED = Object.freeze({ truncated: false });

export interface ScheduledTask {
  readonly resource: string;
  readonly input: unknown;
  readonly region: string;
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
}

/**
 * The events of one Task invocation in the family AWS uses for its resource: `LambdaFunction*`
 * for a function ARN, `Activity*` for an activity, `Task*` for everything else.
 */
export interface TaskEvents {
  /** Records the scheduling events, and the start too except for activities. */
  scheduled(): void;
  /** An activity's start, recorded when a worker takes the task. */
  started(workerName?: string): void;
  submitted(output: unknown): void;
  succeeded(output: unknown): void;
  failed(error: string | undefined, cause: string | undefined, timedOut: boolean): void;
}

export function taskEvents(recorder: HistoryRecorder, lane: Lane, task: ScheduledTask): TaskEvents {
  const kind = parseResource(task.resource).kind;
  if (kind === 'lambda-function' || kind === 'activity') {
    const prefix = kind === 'activity' ? 'Activity' : 'LambdaFunction';
    return {
      scheduled() {
        const details: Record<string, unknown> = {
          resource: task.resource,
          input: toJson(task.input),
          inputDetails: NOT_TRUNCATED,
        };
        if (task.timeoutSeconds !== undefined) details.timeoutInSeconds = task.timeoutSeconds;
        if (kind === 'activity' && task.heartbeatSeconds !== undefined) {
          details.heartbeatInSeconds = task.heartbeatSeconds;
        }
        recorder.advance(lane, `${prefix}Scheduled`, details);
        if (kind === 'lambda-function') recorder.advance(lane, 'LambdaFunctionStarted');
      },
      started(workerName) {
        if (kind === 'activity') recorder.advance(lane, 'ActivityStarted', workerName ? { workerName } : {});
      },
      submitted() {},
      succeeded(output) {
        recorder.advance(lane, `${prefix}Succeeded`, {
          output: toJson(output),
          outputDetails: NOT_TRUNCATED,
        });
      },
      failed(error, cause, timedOut) {
        recorder.advance(lane, `${prefix}${timedOut ? 'TimedOut' : 'Failed'}`, { error, cause });
      },
    };
  }
  const [resourceType, resource] = describeResource(task.resource);
  return {
    scheduled() {
      const details: Record<string, unknown> = {
        resourceType,
        resource,
        region: task.region,
        parameters: toJson(task.input),
      };
      if (task.timeoutSeconds !== undefined) details.timeoutInSeconds = task.timeoutSeconds;
      if (task.heartbeatSeconds !== undefined) details.heartbeatInSeconds = task.heartbeatSeconds;
      recorder.advance(lane, 'TaskScheduled', details);
      recorder.advance(lane, 'TaskStarted', { resourceType, resource });
    },
    started() {},
    submitted(output) {
      recorder.advance(lane, 'TaskSubmitted', {
        resourceType,
        resource,
        output: toJson(output),
        outputDetails: NOT_TRUNCATED,
      });
    },
    succeeded(output) {
      recorder.advance(lane, 'TaskSucceeded', {
        resourceType,
        resource,
        output: toJson(output),
        outputDetails: NOT_TRUNCATED,
      });
    },
    failed(error, cause, timedOut) {
      recorder.advance(lane, timedOut ? 'TaskTimedOut' : 'TaskFailed', {
        resourceType,
        resource,
        error,
        cause,
      });
    },
  };
}

/** AWS's resourceType/resource pair, e.g. `lambda`/`invoke` for arn:aws:states:::lambda:invoke. */
function describeResource(arn: string): [string, string] {
  const service = /^arn:aws[\w-]*:states:::([^:]+):(.+)$/.exec(arn);
  if (service) return [service[1] as string, service[2] as string];
  const parts = arn.split(':');
  return [parts[2] ?? 'unknown', parts.slice(5).join(':') || arn];
}
