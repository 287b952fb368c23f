/**
 * What the right-hand side of a comparison is: a literal of some JSON type,
 * or a JSONPath (`...Path` variants) whose value is compared instead.
 */
export type OperandKind = 'string' | 'numeric' | 'boolean' | 'timestamp' | 'path';

/**
 * What the compared values are. Type tests (`IsNull`, `IsPresent`, ...)
 * take a boolean operand and inspect the variable itself.
 */
export type ComparedKind = 'string' | 'numeric' | 'boolean' | 'timestamp' | 'type-test';

export interface ComparisonOperatorInfo {
  readonly operand: OperandKind;
  readonly compares: ComparedKind;
}

const literal = <K extends Exclude<OperandKind, 'path'>>(kind: K) =>
  ({ operand: kind, compares: kind }) as const;
const viaPath = <K extends Exclude<ComparedKind, 'type-test'>>(kind: K) =>
  ({ operand: 'path', compares: kind }) as const;
const typeTest = { operand: 'boolean', compares: 'type-test' } as const;

/** Every JSONPath Choice comparison operator and what it compares. */
export const COMPARISON_OPERATORS = {
  StringEquals: literal('string'),
  StringEqualsPath: viaPath('string'),
  StringLessThan: literal('string'),
  StringLessThanPath: viaPath('string'),
  StringGreaterThan: literal('string'),
  StringGreaterThanPath: viaPath('string'),
  StringLessThanEquals: literal('string'),
  StringLessThanEqualsPath: viaPath('string'),
  StringGreaterThanEquals: literal('string'),
  StringGreaterThanEqualsPath: viaPath('string'),
  StringMatches: literal('string'),
  NumericEquals: literal('numeric'),
  NumericEqualsPath: viaPath('numeric'),
  NumericLessThan: literal('numeric'),
  NumericLessThanPath: viaPath('numeric'),
  NumericGreaterThan: literal('numeric'),
  NumericGreaterThanPath: viaPath('numeric'),
  NumericLessThanEquals: literal('numeric'),
  NumericLessThanEqualsPath: viaPath('numeric'),
  NumericGreaterThanEquals: literal('numeric'),
  NumericGreaterThanEqualsPath: viaPath('numeric'),
  BooleanEquals: literal('boolean'),
  BooleanEqualsPath: viaPath('boolean'),
  TimestampEquals: literal('timestamp'),
  TimestampEqualsPath: viaPath('timestamp'),
  TimestampLessThan: literal('timestamp'),
  TimestampLessThanPath: viaPath('timestamp'),
  TimestampGreaterThan: literal('timestamp'),
  TimestampGreaterThanPath: viaPath('timestamp'),
  TimestampLessThanEquals: literal('timestamp'),
  TimestampLessThanEqualsPath: viaPath('timestamp'),
  TimestampGreaterThanEquals: literal('timestamp'),
  TimestampGreaterThanEqualsPath: viaPath('timestamp'),
  IsNull: typeTest,
  IsPresent: typeTest,
  IsNumeric: typeTest,
  IsString: typeTest,
  IsBoolean: typeTest,
  IsTimestamp: typeTest,
} as const satisfies Record<string, ComparisonOperatorInfo>;

export type ComparisonOperator = keyof typeof COMPARISON_OPERATORS;

/** The same union under a name that cannot clash with JSONPath filter operators. */
export type ChoiceComparisonOperator = ComparisonOperator;

/** The operator names in declaration order, for iteration. */
export const COMPARISON_OPERATOR_NAMES = Object.keys(COMPARISON_OPERATORS) as ComparisonOperator[];

/** The TypeScript type of each operand kind. */
export interface OperandTypes {
  string: string;
  numeric: number;
  boolean: boolean;
  timestamp: string;
  path: string;
}

/** The operand type of one operator, e.g. `number` for `NumericEquals`. */
export type OperandOf<K extends ComparisonOperator> =
  OperandTypes[(typeof COMPARISON_OPERATORS)[K]['operand']];

/** True when `name` is a comparison operator. */
export function isComparisonOperator(name: string): name is ComparisonOperator {
  return Object.hasOwn(COMPARISON_OPERATORS, name);
}
