import type { Assign, JsonataTemplate } from './common';
import type { ComparisonOperator, OperandOf } from './comparison-operators';
import type { JsonataExpression } from './query-language';

type NoComparison = { [K in ComparisonOperator]?: never };

/** Exactly one comparison operator, with the operand type that operator takes. */
export type SingleComparison = {
  [K in ComparisonOperator]: { [P in K]: OperandOf<P> } & { [P in Exclude<ComparisonOperator, K>]?: never };
}[ComparisonOperator];

/** `Variable` compared with one operator, e.g. `{ Variable: '$.n', NumericEquals: 1 }`. */
export type JsonPathDataTestExpression = {
  Variable: string;
  Comment?: string;
  And?: never;
  Or?: never;
  Not?: never;
} & SingleComparison;

/** `And`, `Or` or `Not` over nested rules. */
export type JsonPathBooleanExpression = { Comment?: string; Variable?: never } & NoComparison &
  (
    | { And: JsonPathNestedChoiceRule[]; Or?: never; Not?: never }
    | { Or: JsonPathNestedChoiceRule[]; And?: never; Not?: never }
    | { Not: JsonPathNestedChoiceRule; And?: never; Or?: never }
  );

/** A rule inside `And`/`Or`/`Not`: it tests, but neither transitions nor assigns. */
export type JsonPathNestedChoiceRule = (JsonPathDataTestExpression | JsonPathBooleanExpression) & {
  Next?: never;
  Assign?: never;
};

/** A top-level rule of a JSONPath Choice state: a test plus where to go when it matches. */
export type JsonPathChoiceRule = (JsonPathDataTestExpression | JsonPathBooleanExpression) & {
  Next: string;
  Assign?: Assign;
};

/** A rule of a JSONata Choice state. JSONata rules do not nest: `Condition` says it all. */
export interface JsonataChoiceRule {
  Condition: JsonataExpression | boolean;
  Next: string;
  Comment?: string;
  Assign?: Assign;
  Output?: JsonataTemplate;
}

export type ChoiceRule = JsonPathChoiceRule | JsonataChoiceRule;
