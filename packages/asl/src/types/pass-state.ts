import type {
  Assign,
  JsonataMarker,
  JsonataTemplate,
  JsonPathInputOutput,
  JsonPathMarker,
  JsonPathResultPath,
  PayloadTemplate,
  StateBase,
  Transition,
} from './common';
import type { JsonValue } from './json';

export interface JsonPathPassFields
  extends StateBase,
    JsonPathMarker,
    JsonPathInputOutput,
    JsonPathResultPath {
  Type: 'Pass';
  Parameters?: PayloadTemplate;
  Result?: JsonValue;
  Assign?: Assign;
}

export interface JsonataPassFields extends StateBase, JsonataMarker {
  Type: 'Pass';
  Output?: JsonataTemplate;
  Assign?: Assign;
}

/** Passes its input (or a fixed `Result`) to its output. */
export type JsonPathPassState = JsonPathPassFields & Transition;
export type JsonataPassState = JsonataPassFields & Transition;
export type PassState = JsonPathPassState | JsonataPassState;
