/** AWS `HistoryEventType` names the runtime records. */
export const HISTORY_EVENT_TYPES = [
  'ExecutionStarted',
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionTimedOut',
  'ExecutionAborted',
  'ExecutionRedriven',
  'PassStateEntered',
  'PassStateExited',
  'TaskStateEntered',
  'TaskStateExited',
  'ChoiceStateEntered',
  'ChoiceStateExited',
  'WaitStateEntered',
  'WaitStateExited',
  'SucceedStateEntered',
  'SucceedStateExited',
  'FailStateEntered',
  'ParallelStateEntered',
  'ParallelStateStarted',
  'ParallelStateSucceeded',
  'ParallelStateFailed',
  'ParallelStateAborted',
  'ParallelStateExited',
  'MapStateEntered',
  'MapStateStarted',
  'MapStateSucceeded',
  'MapStateFailed',
  'MapStateAborted',
  'MapStateExited',
  'MapIterationStarted',
  'MapIterationSucceeded',
  'MapIterationFailed',
  'MapIterationAborted',
  'MapRunStarted',
  'MapRunSucceeded',
  'MapRunFailed',
  'MapRunAborted',
  'MapRunRedriven',
  'TaskScheduled',
  'TaskStarted',
  'TaskSubmitted',
  'TaskSucceeded',
  'TaskFailed',
  'TaskTimedOut',
  'LambdaFunctionScheduled',
  'LambdaFunctionStarted',
  'LambdaFunctionSucceeded',
  'LambdaFunctionFailed',
  'LambdaFunctionTimedOut',
  'ActivityScheduled',
  'ActivityStarted',
  'ActivitySucceeded',
  'ActivityFailed',
  'ActivityTimedOut',
  'EvaluationFailed',
] as const;

export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

const KNOWN_TYPES: ReadonlySet<string> = new Set(HISTORY_EVENT_TYPES);

/** Whether a name read back from a store is one of the event types the runtime records. */
export function isHistoryEventType(name: string): name is HistoryEventType {
  return KNOWN_TYPES.has(name);
}

/** `{truncated}` as AWS attaches it to every payload. */
export interface PayloadDetails {
  readonly truncated: boolean;
}

/**
 * One entry of an execution's history, shaped like an AWS `HistoryEvent`: payloads are JSON
 * strings and the details sit under the AWS key for the event type (`stateEnteredEventDetails`...).
 */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly type: HistoryEventType;
  readonly timestamp: Date;
  readonly [details: `${string}EventDetails`]: Readonly<Record<string, unknown>> | undefined;
}

/** The AWS key under which an event type carries its details. */
export function detailsKeyOf(type: HistoryEventType): `${string}EventDetails` {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}
