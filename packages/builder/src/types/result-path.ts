import type { SetKey } from './flat-object';
import type { ForbiddenSegment, StepwiseTypeError } from './json';

/**
 * ResultPath written as a string literal, checked segment by segment as
 * written: `'$'`, `'$.a.b'` or `"$['a b'].c"`. Unlike read paths it may name
 * keys that do not exist yet, because ResultPath creates them.
 */

const MAX_SEGMENTS = 16;
type MaxSegments = typeof MAX_SEGMENTS;

type CheckName<Name extends string, Rest extends string, Acc extends string[]> = Name extends ''
  ? StepwiseTypeError<'ResultPath has an empty segment'>
  : Name extends ForbiddenSegment
    ? StepwiseTypeError<`ResultPath segment "${Name}" is not allowed`>
    : Segments<Rest, [...Acc, Name]>;

type DotSegment<S extends string, Acc extends string[]> = S extends `${infer Piece}.${infer Tail}`
  ? Piece extends `${infer Name}[${infer AfterBracket}`
    ? CheckName<Name, `[${AfterBracket}.${Tail}`, Acc>
    : CheckName<Piece, `.${Tail}`, Acc>
  : S extends `${infer Name}[${infer AfterBracket}`
    ? CheckName<Name, `[${AfterBracket}`, Acc>
    : CheckName<S, '', Acc>;

type Segments<S extends string, Acc extends string[]> = Acc['length'] extends MaxSegments
  ? StepwiseTypeError<'ResultPath is too deep (at most 16 segments)'>
  : S extends ''
    ? Acc
    : S extends `['${infer Name}']${infer Rest}`
      ? CheckName<Name, Rest, Acc>
      : S extends `.${infer Rest}`
        ? DotSegment<Rest, Acc>
        : S extends `[${string}`
          ? StepwiseTypeError<'ResultPath cannot index into arrays'>
          : StepwiseTypeError<`ResultPath cannot continue at "${S}"`>;

/** The segments of a ResultPath, or a StepwiseTypeError explaining why it is not one. */
export type ParseResultPath<P extends string> = string extends P
  ? StepwiseTypeError<'ResultPath must be a string literal so its type can be checked'>
  : P extends '$'
    ? []
    : P extends `$${infer Rest}`
      ? Rest extends `$${string}`
        ? StepwiseTypeError<'ResultPath cannot write to the context object'>
        : Segments<Rest, []>
      : StepwiseTypeError<`ResultPath must start with "$"`>;

type Child<T, K extends string> = T extends object ? (K extends keyof T ? T[K] : {}) : {};

/** `T` with the value `V` written at the given segments. */
export type SetAtPath<T, Segs extends readonly string[], V> = Segs extends readonly [
  infer Head extends string,
  ...infer Rest extends string[],
]
  ? SetKey<T, Head, SetAtPath<Child<T, Head>, Rest, V>>
  : V;

/** What a ResultPath literal accepts: the literal itself, or the error naming what is wrong with it. */
export type CheckResultPath<P> = P extends null
  ? null
  : P extends string
    ? ParseResultPath<P> extends StepwiseTypeError<string>
      ? ParseResultPath<P>
      : P
    : StepwiseTypeError<'ResultPath must be a string literal or null'>;

/** The state output once the result has been placed by ResultPath. */
export type ApplyResultPath<Input, Result, P> = P extends null
  ? Input
  : P extends string
    ? ParseResultPath<P> extends infer Segs extends string[]
      ? SetAtPath<Input, Segs, Result>
      : never
    : Result;
