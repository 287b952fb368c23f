import type {
  JsonataMarker,
  JsonataTemplate,
  JsonPathInputOutput,
  JsonPathMarker,
  StateBase,
} from './common';
import type { ErrorName } from './error-names';

/** Ends the execution (or branch, or iteration) successfully. */
export interface JsonPathSucceedState extends StateBase, JsonPathMarker, JsonPathInputOutput {
  Type: 'Succeed';
}

export interface JsonataSucceedState extends StateBase, JsonataMarker {
  Type: 'Succeed';
  Output?: JsonataTemplate;
}

export type SucceedState = JsonPathSucceedState | JsonataSucceedState;

/**
 * Ends the execution with an error. `Error`/`ErrorPath` and `Cause`/`CausePath`
 * are each pairs of alternatives; the schema rejects both at once.
 */
export interface JsonPathFailState extends StateBase, JsonPathMarker {
  Type: 'Fail';
  Error?: ErrorName;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

/** In JSONata, `Error` and `Cause` may be expressions. */
export interface JsonataFailState extends StateBase, JsonataMarker {
  Type: 'Fail';
  Error?: ErrorName;
  Cause?: string;
}

export type FailState = JsonPathFailState | JsonataFailState;
