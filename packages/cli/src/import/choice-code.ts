import { pathToSelector } from './path-selector';
import { INPUT_NAMES, selectorFunction } from './selector-code';
import { tsLiteral, tsString } from './ts-literal';

// The rule's selector has the same parameters as any other: `c` would clash with the Choice chain's own `c`.
const NAMES = INPUT_NAMES;
/** The builder's field-against-field comparisons, one set per kind (`numeric.gt(s.limit)`). */
const PATH_KINDS: Readonly<Record<string, string>> = {
  String: 'text',
  Numeric: 'numeric',
  Boolean: 'bool',
  Timestamp: 'timestamp',
};
const OPERATORS: Readonly<Record<string, string>> = {
  Equals: 'eq',
  LessThan: 'lt',
  GreaterThan: 'gt',
  LessThanEquals: 'lte',
  GreaterThanEquals: 'gte',
};
// A map, being looked up by a rule's field names, which could be `toString` or `__proto__`.
const TYPE_TESTS = new Map([
  ['IsPresent', 'isPresent'],
  ['IsNull', 'isNull'],
  ['IsString', 'isString'],
  ['IsNumeric', 'isNumeric'],
  ['IsBoolean', 'isBoolean'],
  ['IsTimestamp', 'isTimestamp'],
]);

/** A JSONPath Choice rule (without Next) as builder rule code, plus the helpers it uses. */
export interface RuleCode {
  code: string;
  helpers: Set<string>;
  /** A single test, which reads best as `.when('$.path', condition, next)`: the path and the condition. */
  single?: { path: string; condition: string };
}

/** The fields of a rule that are not part of its test. */
const RULE_TARGET_FIELDS = ['Next', 'Assign', 'Output'];

/** A rule, with its `Comment` (on a rule inside another) written as `commented(rule, text)`. */
export function ruleCode(rule: unknown, helpers = new Set<string>()): RuleCode | undefined {
  if (typeof rule !== 'object' || rule === null) return undefined;
  const { Comment: comment, ...fields } = rule as Record<string, unknown>;
  const inner = testCode(fields, helpers);
  if (comment === undefined || inner === undefined) return inner;
  if (typeof comment !== 'string') return undefined;
  helpers.add('commented');
  return { code: `commented(${inner.code}, ${tsString(comment)})`, helpers };
}

function testCode(fields: Record<string, unknown>, helpers: Set<string>): RuleCode | undefined {
  const keys = Object.keys(fields).filter((key) => !RULE_TARGET_FIELDS.includes(key));
  if (keys.length === 1 && (keys[0] === 'And' || keys[0] === 'Or')) {
    const list = fields[keys[0]];
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const parts = list.map((inner) => ruleCode(inner, helpers));
    if (parts.some((part) => part === undefined)) return undefined;
    const helper = keys[0] === 'And' ? 'and' : 'or';
    helpers.add(helper);
    return { code: `${helper}(${parts.map((part) => part!.code).join(', ')})`, helpers };
  }
  if (keys.length === 1 && keys[0] === 'Not') {
    const inner = ruleCode(fields.Not, helpers);
    if (!inner) return undefined;
    helpers.add('not');
    return { code: `not(${inner.code})`, helpers };
  }
  if (keys.length !== 2 || !keys.includes('Variable')) return undefined;
  const subject = pathToSelector(fields.Variable, NAMES);
  const operator = keys.find((key) => key !== 'Variable')!;
  const condition = conditionCode(operator, fields[operator], helpers);
  if (subject === undefined || condition === undefined) return undefined;
  helpers.add('test');
  const code = `test(${subject}, ${condition.inRule})`;
  return { code, helpers, single: { path: fields.Variable as string, condition: condition.alone } };
}

/** A condition inside a rule (`numeric.gt(s.limit)`) and on its own in `when` (`numeric.gt((s) => s.limit)`). */
interface ConditionCode {
  inRule: string;
  alone: string;
}

function conditionCode(operator: string, value: unknown, helpers: Set<string>): ConditionCode | undefined {
  if (/Path$/.test(operator)) return pathConditionCode(operator, value, helpers);
  const code = literalConditionCode(operator, value, helpers);
  return code === undefined ? undefined : { inRule: code, alone: code };
}

function literalConditionCode(operator: string, value: unknown, helpers: Set<string>): string | undefined {
  const typeTest = TYPE_TESTS.get(operator);
  if (typeTest !== undefined) {
    if (typeof value !== 'boolean') return undefined;
    helpers.add(typeTest);
    return `${typeTest}(${value ? '' : 'false'})`;
  }
  if (operator === 'StringMatches') {
    if (typeof value !== 'string') return undefined;
    helpers.add('matches');
    return `matches(${tsString(value)})`;
  }
  const match = COMPARISON.exec(operator);
  if (!match) return undefined;
  const [, kind, op] = match;
  const helper = OPERATORS[op!]!;
  // The builder infers String/Numeric/Boolean from the literal's JavaScript type.
  const expected =
    kind === 'String' || kind === 'Timestamp' ? 'string' : kind === 'Numeric' ? 'number' : 'boolean';
  if (typeof value !== expected || (typeof value === 'number' && !Number.isFinite(value))) return undefined;
  if (kind === 'Boolean' && op !== 'Equals') return undefined;
  if (kind === 'Timestamp') {
    helpers.add('timestamp');
    return `timestamp.${helper}(${tsLiteral(value)})`;
  }
  helpers.add(helper);
  return `${helper}(${tsLiteral(value)})`;
}

const COMPARISON =
  /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)$/;

/** `NumericGreaterThanPath: "$.limit"` as `numeric.gt(s.limit)`, or `numeric.gt((s) => s.limit)` in `when`. */
function pathConditionCode(
  operator: string,
  value: unknown,
  helpers: Set<string>,
): ConditionCode | undefined {
  const match = COMPARISON.exec(operator.slice(0, -'Path'.length));
  const other = pathToSelector(value, NAMES);
  if (!match || other === undefined) return undefined;
  const [, kind, op] = match;
  if (kind === 'Boolean' && op !== 'Equals') return undefined;
  const method = `${PATH_KINDS[kind!]!}.${OPERATORS[op!]!}`;
  helpers.add(PATH_KINDS[kind!]!);
  return { inRule: `${method}(${other})`, alone: `${method}(${selectorFunction(other, NAMES)})` };
}
