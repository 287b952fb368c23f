import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from './context';
import type { StepwiseTypeError } from './json';
import type { CheckReadPath, NoPath, ReadPath } from './read-path';

/*
 * Payload templates written as ASL objects: `{ 'id.$': '$.order.id', mode: 'fast' }`.
 * Each `"key.$"` path is checked against the data; the template's type is the
 * object it builds, with `id` typed from the path.
 */

type PathKey<K> = K extends `${infer Name}.$` ? Name : K;

type IsPlainObject<T> = T extends readonly unknown[]
  ? false
  : T extends (...args: never[]) => unknown
    ? false
    : T extends object
      ? true
      : false;

/** The object a template builds. Intrinsic calls (`'States.UUID()'`) are typed `unknown`. */
export type ResolveTemplate<G, V, T, C = ContextObject> = {
  -readonly [K in keyof T as PathKey<K>]: K extends `${string}.$`
    ? T[K] extends `$${string}`
      ? ReadPath<G, V, T[K], C>
      : unknown
    : IsPlainObject<T[K]> extends true
      ? ResolveTemplate<G, V, T[K], C>
      : T[K];
};

/** The entries of a template whose paths do not check, mapped to the error. */
type TemplateErrors<G, V, T, C> = {
  [K in keyof T as K extends `${string}.$`
    ? CheckReadPath<G, V, T[K], unknown, C> extends StepwiseTypeError<string>
      ? T[K] extends `$${string}`
        ? K
        : never
      : never
    : IsPlainObject<T[K]> extends true
      ? K
      : never]: K extends `${string}.$`
    ? CheckReadPath<G, V, T[K], unknown, C>
    : TemplateErrors<G, V, T[K], C>;
};

/** What a template field accepts: the object itself, with every bad path replaced by its error. */
export type CheckTemplate<G, V, T, C = ContextObject> = T extends object
  ? T & TemplateErrors<G, V, T, C>
  : never;

/** The payload a field builds: from its selector, or from its template object. */
export type Built<G, V, FromSelector, Template, C = ContextObject> = [Template] extends [NoPath]
  ? FromSelector
  : Template extends (...args: never[]) => unknown
    ? FromSelector
    : Template extends JsonataExpression<infer T>
      ? T
      : ResolveTemplate<G, V, Template, C>;
