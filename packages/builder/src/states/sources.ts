import type { ContextObject } from '../types/context';
import type { CheckReadPath } from '../types/read-path';
import type { CheckTemplate } from '../types/template-paths';

/*
 * The shapes a data-reading field accepts. Fields write their unions out in
 * full rather than through one alias, so that the compiler prints a path's
 * error message instead of the alias name. `P` is the type parameter that
 * captures a path literal, so its segments can be checked against the data.
 */

type Ctx = ContextObject;

export type Selector<I, V, T> = (data: I, context: Ctx, vars: V) => T;

/** A selector or a template object (`{ 'id.$': '$.order.id' }`) building a payload. */
export type TemplateOrSelector<I, V, T, P> = Selector<I, V, T> | CheckTemplate<I, V, P>;

/** A string literal that starts with `$` is a path; any other string is a literal. */
export type StringOrPath<I, V, P> = P extends `$${string}`
  ? CheckReadPath<I, V, P, string>
  : P extends string
    ? P
    : never;
