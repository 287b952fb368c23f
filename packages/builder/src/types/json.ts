/** Any JSON value a definition can hold. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Literal types widened to their primitive, so `eq(true)` compares with any boolean. */
export type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T;

/** The keys Stepwise refuses in every path, because they reach an object's prototype. */
export type ForbiddenSegment = '__proto__' | 'constructor' | 'prototype';

/** Query languages of ASL. */
export type QueryLanguage = 'JSONPath' | 'JSONata';

/**
 * A compile-time error carried as a type. A value can never be assigned to it,
 * so the compiler reports the message at the offending field.
 */
export interface StepwiseTypeError<Message extends string> {
  readonly __stepwiseTypeError: Message;
}
