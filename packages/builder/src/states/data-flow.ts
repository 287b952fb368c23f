import type { NotSet } from '../chain/catchable';
import type { Merge } from '../types/flat-object';
import type { QueryLanguage, StepwiseTypeError } from '../types/json';
import type { ApplyResultPath } from '../types/result-path';

/*
 * How a state's output type follows from its input and its fields, in the
 * order AWS applies them. Every helper returns a computed type once; none
 * accumulates intersections.
 */

/** `Value` when the field was given, otherwise `Fallback`. */
export type Given<Value, Fallback> = [Value] extends [NotSet] ? Fallback : Value;

/** InputPath, then Parameters (JSONPath) or Arguments (JSONata): what the resource receives. */
export type EffectiveInput<I, E, P, A> = Given<A, Given<P, Given<E, I>>>;

/** The result after ResultSelector. */
export type SelectedResult<R, S> = Given<S, R>;

/** ResultPath then OutputPath, or JSONata's Output. */
export type StateOutput<I, Selected, RP, OP, O> = Given<
  O,
  Given<OP, ApplyResultPath<I, Selected, Given<RP, '$'>>>
>;

/** What a selector reading after ResultPath sees. */
export type AfterResultPath<I, Selected, RP> = ApplyResultPath<I, Selected, Given<RP, '$'>>;

/** Variables after an assignment. */
export type AssignedVars<V, AS> = [AS] extends [NotSet] ? V : Merge<V, AS>;

/** The language a state's fields commit it to, as seen by the compiler. */
export type LanguageOf<QL, JsonPathFields, JsonataFields> = QL extends QueryLanguage
  ? QL
  : [JsonPathFields] extends [NotSet]
    ? [JsonataFields] extends [NotSet]
      ? never
      : 'JSONata'
    : 'JSONPath';

/**
 * What `queryLanguage` accepts: the language declared, unless the state uses
 * fields of the other language, in which case the error says so. Fields write
 * it as `QL & DeclaredLanguage<QL, ...>`, so that `QL` is inferred from the
 * value given rather than from the chain the state joins.
 */
export type DeclaredLanguage<QL, JsonPathFields, JsonataFields> = QL extends 'JSONata'
  ? [JsonPathFields] extends [NotSet]
    ? QL
    : StepwiseTypeError<'A state declared JSONata cannot use InputPath, Parameters, ResultSelector, ResultPath, OutputPath or ItemsPath'>
  : QL extends 'JSONPath'
    ? [JsonataFields] extends [NotSet]
      ? QL
      : StepwiseTypeError<'A state declared JSONPath cannot use Arguments, Output or Items'>
    : QL;

/**
 * What every state's config starts with: a comment and the state's query language, which must
 * agree with the fields given (`JsonPathFields`, `JsonataFields`: the ones set, or NotSet).
 */
export interface StateBasics<QL, JsonPathFields, JsonataFields> {
  readonly comment?: string;
  /** Writes `QueryLanguage` on the state even where it equals the workflow's (omitted by default). */
  readonly writeQueryLanguage?: boolean;
  readonly queryLanguage?: QL & DeclaredLanguage<QL, JsonPathFields, JsonataFields>;
}
