import type { JsonObject, JsonValue } from './json';
import type { JsonataExpression } from './query-language';

/**
 * Workflow variables to set when a state completes. Each key names a
 * variable; values are JSON, with `.$` keys (JSONPath) or `{% %}` strings
 * (JSONata) evaluated by the state's query language.
 */
export type Assign = JsonObject;

/** A JSONPath payload template: an object whose `key.$` entries are evaluated. */
export type PayloadTemplate = JsonObject;

/** A JSONata value: JSON in which `{% %}` strings are evaluated, or one expression. */
export type JsonataTemplate = JsonValue;

/** A state that moves on to another state. */
export interface NextTransition {
  Next: string;
  End?: never;
}

/** A state that ends its (possibly nested) state machine. */
export interface EndTransition {
  End: true;
  Next?: never;
}

/** Exactly one of `Next` and `End`. */
export type Transition = NextTransition | EndTransition;

/** Fields every state has, whatever its type and query language. */
export interface StateBase {
  Comment?: string;
}

/** Fields shared by JSONPath states that read and shape their input and output. */
export interface JsonPathInputOutput {
  InputPath?: string | null;
  OutputPath?: string | null;
}

/** JSONPath states write their result somewhere; `null` discards it. */
export interface JsonPathResultPath {
  ResultPath?: string | null;
}

/** Task-like JSONata states receive `Arguments`: a template or one expression. */
export interface JsonataArguments {
  Arguments?: JsonObject | JsonataExpression;
}

/** The query-language marker of a JSONPath state. */
export interface JsonPathMarker {
  QueryLanguage?: 'JSONPath';
}

/** The query-language marker of a JSONata state. */
export interface JsonataMarker {
  QueryLanguage?: 'JSONata';
}

/** Exactly one of the fields of `T` is present. */
export type ExactlyOne<T> = {
  [K in keyof T]: { [P in K]: T[P] } & { [P in Exclude<keyof T, K>]?: never };
}[keyof T];
