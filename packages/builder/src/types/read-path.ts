import type { ContextObject } from './context';
import type { ForbiddenSegment, StepwiseTypeError } from './json';

/*
 * Read paths written as string literals ('$.order.id', "$['unit price']",
 * '$.lines[0].sku', '$$.Execution.Id', '$total.net'), checked as written:
 * each segment is looked up in the type reached so far. Nothing enumerates
 * the paths of a type, so the cost grows with the path, not with the data.
 */

type Field<T, K extends string> = T extends readonly unknown[] ? never : K extends keyof T ? T[K] : never;

/** The type one field lower, or an error naming the missing field and where it was looked up. */
type Lookup<T, K extends string, Rest extends string, Path extends string, At extends string> = K extends ''
  ? StepwiseTypeError<`Path "${Path}": empty segment after ${At}`>
  : K extends ForbiddenSegment
    ? StepwiseTypeError<`Path "${Path}": the segment "${K}" is not allowed`>
    : [Field<NonNullable<T>, K>] extends [never]
      ? StepwiseTypeError<`Path "${Path}": no field "${K}" at ${At}`>
      : Walk<Field<NonNullable<T>, K>, Rest, Path, `${At}.${K}`>;

type Index<
  T,
  N extends string,
  Rest extends string,
  Path extends string,
  At extends string,
> = N extends `${number}`
  ? NonNullable<T> extends readonly (infer E)[]
    ? Walk<E | undefined, Rest, Path, `${At}[${N}]`>
    : StepwiseTypeError<`Path "${Path}": ${At} is not an array, so it cannot be indexed`>
  : StepwiseTypeError<`Path "${Path}": "[${N}]" is not supported; Stepwise checks plain paths (names and indices) only`>;

/** A dotted name runs to the next `.` or `[`. */
type Dotted<
  T,
  S extends string,
  Path extends string,
  At extends string,
> = S extends `${infer Piece}.${infer Tail}`
  ? Piece extends `${infer Name}[${infer After}`
    ? Lookup<T, Name, `[${After}.${Tail}`, Path, At>
    : Lookup<T, Piece, `.${Tail}`, Path, At>
  : S extends `${infer Name}[${infer After}`
    ? Lookup<T, Name, `[${After}`, Path, At>
    : Lookup<T, S, '', Path, At>;

type Walk<T, S extends string, Path extends string, At extends string> = S extends ''
  ? T
  : S extends `['${infer Name}']${infer Rest}`
    ? Lookup<T, Name, Rest, Path, At>
    : S extends `[${infer N}]${infer Rest}`
      ? Index<T, N, Rest, Path, At>
      : S extends `.${infer Rest}`
        ? Dotted<T, Rest, Path, At>
        : StepwiseTypeError<`Path "${Path}": cannot continue at "${S}"`>;

type VariableName<S extends string> = S extends `${infer Name}.${string}`
  ? Name extends `${infer Head}[${string}`
    ? Head
    : Name
  : S extends `${infer Head}[${string}`
    ? Head
    : S;

type Variable<V, S extends string, Path extends string> =
  VariableName<S> extends infer Name extends string
    ? Name extends keyof V
      ? S extends `${Name}${infer Rest}`
        ? Walk<V[Name], Rest, Path, `$${Name}`>
        : never
      : StepwiseTypeError<`Path "${Path}": no variable "$${Name}" has been assigned`>
    : never;

/** The type a read path reaches in the data `I`, the context object and the variables `V`. */
export type ReadPath<I, V, P extends string, C = ContextObject> = string extends P
  ? StepwiseTypeError<'A path must be a string literal so that it can be checked'>
  : P extends '$'
    ? I
    : P extends `$$${infer Rest}`
      ? Walk<C, Rest, P, '$$'>
      : P extends `$${infer Rest}`
        ? Rest extends `.${string}` | `[${string}`
          ? Walk<I, Rest, P, '$'>
          : Variable<V, Rest, P>
        : StepwiseTypeError<`Path "${P}": a path starts with "$" (the data), "$$" (the context object) or "$name" (a variable)`>;

type Describe<Want> = [Want] extends [number]
  ? 'a number'
  : [Want] extends [string]
    ? 'a string'
    : [Want] extends [boolean]
      ? 'a boolean'
      : 'the expected type';

/**
 * What a read-path literal accepts: the literal itself when it reaches a value
 * of type `Want`, otherwise the error explaining why. Written into a field's
 * type, the error is what the compiler prints.
 */
export type CheckReadPath<I, V, P, Want = unknown, C = ContextObject> = P extends string
  ? // Shielded: the data type comes from the chain, never from the literal given here.
    ReadPath<Shield<I>, Shield<V>, P, C> extends StepwiseTypeError<string>
    ? ReadPath<Shield<I>, Shield<V>, P, C>
    : [NonNullable<ReadPath<Shield<I>, Shield<V>, P, C>>] extends [Want]
      ? P
      : StepwiseTypeError<`Path "${P}" must select ${Describe<Want>}`>
  : never;

/** Marks a path field left unset, like `NotSet` (kept apart so read-path stays free of chain types). */
export interface NoPath {
  readonly __noPath: true;
}

/**
 * `T` itself, in a position type inference does not reach (unlike `NoInfer`,
 * it leaves conditional types over `T` free to resolve).
 */
type Shield<T> = [T] extends [infer U] ? U : never;

/** InputPath and OutputPath also take `null`, which discards the data and passes on `{}`. */
export type CheckNullablePath<I, V, P> = P extends null ? null : CheckReadPath<I, V, P>;

/** The value a field selects: from its selector's return type, or from its path literal (`null`: `{}`). */
export type Selected<I, V, FromSelector, Path> = [Path] extends [NoPath]
  ? FromSelector
  : [Path] extends [null]
    ? {}
    : Path extends string
      ? ReadPath<I, V, Path>
      : FromSelector;
