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
import type { QueryLanguage } from './query-language';
import type { JsonataCatcher, JsonPathCatcher, Retrier } from './retry-catch';
import type { Branch } from './state-machine';

export interface JsonPathParallelFields
  extends StateBase,
    JsonPathMarker,
    JsonPathInputOutput,
    JsonPathResultPath {
  Type: 'Parallel';
  /** A JSONPath state exists only in a JSONPath machine, so its branches are JSONPath-scoped. */
  Branches: Branch<'JSONPath'>[];
  Parameters?: PayloadTemplate;
  ResultSelector?: PayloadTemplate;
  Retry?: Retrier[];
  Catch?: JsonPathCatcher[];
  Assign?: Assign;
}

/**
 * `L` is the query language of the enclosing state machine, which the
 * branches inherit: inside a JSONata machine they cannot use JSONPath.
 */
export interface JsonataParallelFields<L extends QueryLanguage>
  extends StateBase,
    JsonataMarker,
    JsonataArguments {
  Type: 'Parallel';
  Branches: Branch<L>[];
  Output?: JsonataTemplate;
  Retry?: Retrier[];
  Catch?: JsonataCatcher[];
  Assign?: Assign;
}

/** Runs every branch on the same input and outputs the array of their outputs. */
export type JsonPathParallelState = JsonPathParallelFields & Transition;
export type JsonataParallelState<L extends QueryLanguage = QueryLanguage> = JsonataParallelFields<L> &
  Transition;
export type ParallelState = JsonPathParallelState | JsonataParallelState;
