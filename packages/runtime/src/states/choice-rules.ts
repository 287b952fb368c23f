import { compareInstants, compileStringMatcher, parseTimestamp } from '@stepwise/asl';
import { compileOptionalPath, compileRequiredPath } from '../dataflow/jsonpath-expressions';
import type { PathScope } from '../dataflow/scope';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';

/** A compiled JSONPath choice rule (or nested condition): true when it matches. */
export type RuleTest = (scope: PathScope) => boolean;

type Compare = (value: unknown, operand: unknown) => boolean;

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';

function numeric(test: (a: number, b: number) => boolean): Compare {
  return (a, b) => isNumber(a) && isNumber(b) && test(a, b);
}
function text(test: (a: string, b: string) => boolean): Compare {
  return (a, b) => isString(a) && isString(b) && test(a, b);
}
function timestamp(test: (order: number) => boolean): Compare {
  return (a, b) => {
    const x = isString(a) ? parseTimestamp(a) : undefined;
    const y = isString(b) ? parseTimestamp(b) : undefined;
    return x !== undefined && y !== undefined && test(compareInstants(x, y));
  };
}

const COMPARISONS: Readonly<Record<string, Compare>> = {
  StringEquals: text((a, b) => a === b),
  StringLessThan: text((a, b) => a < b),
  StringGreaterThan: text((a, b) => a > b),
  StringLessThanEquals: text((a, b) => a <= b),
  StringGreaterThanEquals: text((a, b) => a >= b),
  NumericEquals: numeric((a, b) => a === b),
  NumericLessThan: numeric((a, b) => a < b),
  NumericGreaterThan: numeric((a, b) => a > b),
  NumericLessThanEquals: numeric((a, b) => a <= b),
  NumericGreaterThanEquals: numeric((a, b) => a >= b),
  BooleanEquals: (a, b) => typeof a === 'boolean' && a === b,
  TimestampEquals: timestamp((o) => o === 0),
  TimestampLessThan: timestamp((o) => o < 0),
  TimestampGreaterThan: timestamp((o) => o > 0),
  TimestampLessThanEquals: timestamp((o) => o <= 0),
  TimestampGreaterThanEquals: timestamp((o) => o >= 0),
};

const TYPE_TESTS: Readonly<Record<string, (value: unknown) => boolean>> = {
  IsNull: (v) => v === null,
  IsNumeric: isNumber,
  IsString: isString,
  IsBoolean: (v) => typeof v === 'boolean',
  IsTimestamp: (v) => isString(v) && parseTimestamp(v) !== undefined,
};

export function compileRule(rule: Readonly<Record<string, unknown>>): RuleTest {
  if (Array.isArray(rule.And)) {
    const parts = rule.And.map(compileRule);
    return (scope) => parts.every((part) => part(scope));
  }
  if (Array.isArray(rule.Or)) {
    const parts = rule.Or.map(compileRule);
    return (scope) => parts.some((part) => part(scope));
  }
  if (rule.Not !== undefined && rule.Not !== null && typeof rule.Not === 'object') {
    const inner = compileRule(rule.Not as Readonly<Record<string, unknown>>);
    return (scope) => !inner(scope);
  }
  const variable = String(rule.Variable);
  const read = compileOptionalPath(variable);
  if (typeof rule.IsPresent === 'boolean') {
    const expected = rule.IsPresent;
    return (scope) => (read(scope) !== undefined) === expected;
  }
  for (const [operator, test] of Object.entries(TYPE_TESTS)) {
    if (typeof rule[operator] === 'boolean') {
      const expected = rule[operator];
      return (scope) => {
        const value = read(scope);
        return value !== undefined && test(value) === expected;
      };
    }
  }
  const mustRead = compileRequiredPath(variable);
  if (typeof rule.StringMatches === 'string') {
    const matcher = compileStringMatcher(rule.StringMatches);
    return (scope) => {
      const value = mustRead(scope);
      return isString(value) && matcher.matches(value);
    };
  }
  for (const [operator, compare] of Object.entries(COMPARISONS)) {
    if (rule[operator] !== undefined) {
      const operand = rule[operator];
      return (scope) => compare(mustRead(scope), operand);
    }
    const pathOperand = rule[`${operator}Path`];
    if (typeof pathOperand === 'string') {
      const readOperand = compileRequiredPath(pathOperand);
      return (scope) => compare(mustRead(scope), readOperand(scope));
    }
  }
  return () => fail(ErrorNames.runtime, `The choice rule on '${variable}' has no comparison operator.`);
}
