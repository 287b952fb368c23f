import type {
  Assign,
  ExactlyOne,
  JsonataMarker,
  JsonataTemplate,
  JsonPathInputOutput,
  JsonPathMarker,
  StateBase,
  Transition,
} from './common';
import type { JsonataExpression, JsonataNumber } from './query-language';

/** How long a JSONPath Wait waits: exactly one of these. */
export type JsonPathWaitDuration = ExactlyOne<{
  Seconds: number;
  Timestamp: string;
  SecondsPath: string;
  TimestampPath: string;
}>;

/** How long a JSONata Wait waits: a number of seconds or a timestamp, literal or computed. */
export type JsonataWaitDuration = ExactlyOne<{
  Seconds: JsonataNumber;
  Timestamp: string | JsonataExpression;
}>;

export interface JsonPathWaitFields extends StateBase, JsonPathMarker, JsonPathInputOutput {
  Type: 'Wait';
  Assign?: Assign;
}

export interface JsonataWaitFields extends StateBase, JsonataMarker {
  Type: 'Wait';
  Output?: JsonataTemplate;
  Assign?: Assign;
}

export type JsonPathWaitState = JsonPathWaitFields & JsonPathWaitDuration & Transition;
export type JsonataWaitState = JsonataWaitFields & JsonataWaitDuration & Transition;
export type WaitState = JsonPathWaitState | JsonataWaitState;
