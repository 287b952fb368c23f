import type {
  Assign,
  JsonataArguments,
  JsonataMarker,
  JsonataTemplate,
  JsonPathInputOutput,
  JsonPathMarker,
  JsonPathResultPath,
  PayloadTemplate,
  StateBase,
  Transition,
} from './common';
import type { JsonataNumber } from './query-language';
import type { JsonataCatcher, JsonPathCatcher, Retrier } from './retry-catch';

/** The role a JSONPath task assumes: fixed, or read with a path (`RoleArn.$`). */
export type JsonPathCredentials = { RoleArn: string } | { 'RoleArn.$': string };

/** The role a JSONata task assumes; the ARN may be an expression. */
export interface JsonataCredentials {
  RoleArn: string;
}

export type Credentials = JsonPathCredentials | JsonataCredentials;

export interface JsonPathTaskFields
  extends StateBase,
    JsonPathMarker,
    JsonPathInputOutput,
    JsonPathResultPath {
  Type: 'Task';
  Resource: string;
  Parameters?: PayloadTemplate;
  ResultSelector?: PayloadTemplate;
  Credentials?: JsonPathCredentials;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number;
  HeartbeatSecondsPath?: string;
  Retry?: Retrier[];
  Catch?: JsonPathCatcher[];
  Assign?: Assign;
}

export interface JsonataTaskFields extends StateBase, JsonataMarker, JsonataArguments {
  Type: 'Task';
  Resource: string;
  Output?: JsonataTemplate;
  Credentials?: JsonataCredentials;
  TimeoutSeconds?: JsonataNumber;
  HeartbeatSeconds?: JsonataNumber;
  Retry?: Retrier[];
  Catch?: JsonataCatcher[];
  Assign?: Assign;
}

/** Runs one unit of work: a Lambda function, a service integration, an activity. */
export type JsonPathTaskState = JsonPathTaskFields & Transition;
export type JsonataTaskState = JsonataTaskFields & Transition;
export type TaskState = JsonPathTaskState | JsonataTaskState;
