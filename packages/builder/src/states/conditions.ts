import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';

/*
 * Conditions of a Choice rule. `Condition<T>` is a test that applies to values
 * of type T; the rule only compiles when the selected field's type fits, so
 * `gt(5)` on a string field is a compile-time error.
 */

export type ComparisonKind = 'String' | 'Numeric' | 'Boolean' | 'Timestamp';
export type Operator = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals';

export type ConditionSpec =
  | {
      readonly kind: 'compare';
      readonly type: ComparisonKind;
      readonly op: Operator;
      readonly value: unknown;
    }
  | {
      /** Field against field: `NumericGreaterThanPath` and friends. */
      readonly kind: 'comparePath';
      readonly type: ComparisonKind;
      readonly op: Operator;
      /** A reference recorded from a selector, or a read-path string. */
      readonly other: unknown;
    }
  | { readonly kind: 'matches'; readonly pattern: string }
  | {
      readonly kind: 'is';
      readonly test: 'IsPresent' | 'IsNull' | 'IsString' | 'IsNumeric' | 'IsBoolean' | 'IsTimestamp';
      readonly expected: boolean;
    };

export interface Condition<T, I = unknown, V = unknown> {
  readonly spec: ConditionSpec;
  /** Carries `T` contravariantly: a condition on `number` accepts only numeric fields. */
  readonly __appliesTo?: (value: T) => void;
  /** For a comparison with a field read by a selector: the data and variables it reads. */
  readonly __reads?: (data: I, vars: V) => void;
}

const condition = <T>(spec: ConditionSpec): Condition<T> => ({ spec });

function compare(op: Operator, value: string | number | boolean): ConditionSpec {
  const type: ComparisonKind =
    typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Numeric' : 'Boolean';
  return { kind: 'compare', type, op, value };
}

/*
 * The comparisons are overloads rather than generics on purpose: a generic
 * call inside `.when(select, eq(x), ...)` would make the compiler settle the
 * selected type before reading the selector.
 */

/** Equal to a literal: `StringEquals`, `NumericEquals` or `BooleanEquals`. */
export function eq(value: string): Condition<string>;
export function eq(value: number): Condition<number>;
export function eq(value: boolean): Condition<boolean>;
export function eq(value: string | number | boolean): Condition<never> {
  return condition(compare('Equals', value));
}
export function lt(value: string): Condition<string>;
export function lt(value: number): Condition<number>;
export function lt(value: string | number): Condition<never> {
  return condition(compare('LessThan', value));
}
export function gt(value: string): Condition<string>;
export function gt(value: number): Condition<number>;
export function gt(value: string | number): Condition<never> {
  return condition(compare('GreaterThan', value));
}
export function lte(value: string): Condition<string>;
export function lte(value: number): Condition<number>;
export function lte(value: string | number): Condition<never> {
  return condition(compare('LessThanEquals', value));
}
export function gte(value: string): Condition<string>;
export function gte(value: number): Condition<number>;
export function gte(value: string | number): Condition<never> {
  return condition(compare('GreaterThanEquals', value));
}

/** Whether a comparison operand is another field (a recorded reference or a `$` path). */
function isReference(value: unknown): boolean {
  return typeof value === 'function' || (typeof value === 'string' && value.startsWith('$'));
}

/**
 * A comparison with another field, which is either a value read inside
 * `whenRule` (`numeric.gt(s.limit)`) or a selector, typed by the data the
 * rule tests, inside `when` (`numeric.gt((s) => s.limit)`).
 */
export interface FieldComparison<T> {
  (other: T | undefined): Condition<T>;
  <I, V>(other: (data: I, context: ContextObject, vars: V) => T | undefined): Condition<T, I, V>;
}

/** Timestamp comparisons take the same, and a string that is not a path is an ISO-8601 literal. */
function timestampCondition(op: Operator): FieldComparison<string> {
  return ((value: unknown) =>
    isReference(value)
      ? condition({ kind: 'comparePath', type: 'Timestamp', op, other: value })
      : condition({ kind: 'compare', type: 'Timestamp', op, value })) as FieldComparison<string>;
}

/**
 * Timestamp comparisons take ISO-8601 strings, or another field:
 * `timestamp.lt(s.deadline)` in `whenRule`, or `timestamp.lt((s) => s.deadline)`
 * in `when`, is `TimestampLessThanPath`.
 */
export const timestamp = {
  eq: timestampCondition('Equals'),
  lt: timestampCondition('LessThan'),
  gt: timestampCondition('GreaterThan'),
  lte: timestampCondition('LessThanEquals'),
  gte: timestampCondition('GreaterThanEquals'),
};

/** Field-against-field comparisons of one kind: both sides must have the kind's type. */
function pathComparisons<T>(type: ComparisonKind) {
  const make = (op: Operator) =>
    ((other: unknown) => condition({ kind: 'comparePath', type, op, other })) as FieldComparison<T>;
  return {
    eq: make('Equals'),
    lt: make('LessThan'),
    gt: make('GreaterThan'),
    lte: make('LessThanEquals'),
    gte: make('GreaterThanEquals'),
  };
}

/**
 * Compare a field with another field: `.when((s) => s.total, numeric.gt((s) => s.limit), next)`,
 * or inside a rule `test(s.total, numeric.gt(s.limit))`, is `NumericGreaterThanPath`.
 * ASL needs the kind spelled out, so each kind has its own set.
 */
export const numeric = pathComparisons<number>('Numeric');
/** `StringEqualsPath` and friends. */
export const text = pathComparisons<string>('String');
/** `BooleanEqualsPath`. */
export const bool = { eq: pathComparisons<boolean>('Boolean').eq };

/** `StringMatches`: `*` matches any run of characters, `\\*` a literal star. */
export const matches = (pattern: string): Condition<string> => condition({ kind: 'matches', pattern });

const is = (test: Extract<ConditionSpec, { kind: 'is' }>['test'], expected: boolean): Condition<unknown> =>
  condition({ kind: 'is', test, expected });

export const isPresent = (expected = true): Condition<unknown> => is('IsPresent', expected);
export const isNull = (expected = true): Condition<unknown> => is('IsNull', expected);
export const isString = (expected = true): Condition<unknown> => is('IsString', expected);
export const isNumeric = (expected = true): Condition<unknown> => is('IsNumeric', expected);
export const isBoolean = (expected = true): Condition<unknown> => is('IsBoolean', expected);
export const isTimestamp = (expected = true): Condition<unknown> => is('IsTimestamp', expected);

/** A boolean rule built from tests on fields, combined with `and`, `or`, `not`; it may carry a `Comment`. */
export type Rule = (
  | { readonly kind: 'test'; readonly subject: unknown; readonly condition: ConditionSpec }
  | { readonly kind: 'and' | 'or'; readonly rules: readonly Rule[] }
  | { readonly kind: 'not'; readonly rule: Rule }
  | { readonly kind: 'jsonata'; readonly expression: JsonataExpression<boolean> }
) & { readonly comment?: string };

/**
 * A rule, a hand-written JSONata condition (written as given, `{% ... %}`
 * included), or a constant (JSONata only: `Condition: true`).
 */
export type RuleLike = Rule | JsonataExpression<boolean> | boolean;

/** `test(s.total, gt(100))`: one field against one condition. */
export function test<T>(subject: T, check: Condition<NonNullable<T>>): Rule {
  return { kind: 'test', subject, condition: check.spec };
}
/** All the rules hold; ASL also allows a single one (`And: [rule]`). */
export const and = (...rules: [Rule, ...Rule[]]): Rule => ({ kind: 'and', rules });
/** One of the rules holds. */
export const or = (...rules: [Rule, ...Rule[]]): Rule => ({ kind: 'or', rules });
export const not = (rule: Rule): Rule => ({ kind: 'not', rule });

/** The rule with a `Comment`, e.g. on a rule inside `And` (JSONPath). */
export const commented = (rule: Rule, comment: string): Rule => ({ ...rule, comment });
