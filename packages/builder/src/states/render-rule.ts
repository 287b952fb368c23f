import { UnsupportedExpressionError } from '../errors';
import { isJsonataExpression, jsonataBody } from '../jsonata/expression';
import { looksLikePath, parsePathString } from '../refs/parse-path';
import { recordOf } from '../refs/recorder';
import { toJsonataPath, toJsonPath } from '../refs/render-path';
import { invokeSelector } from '../template/invoke';
import type { JsonValue } from '../types/json';
import type { ConditionSpec, RuleLike } from './conditions';

function subjectRecord(subject: unknown) {
  if (typeof subject === 'string' && looksLikePath(subject)) return parsePathString(subject);
  // A selector (`numeric.lt((s) => s.limit)`) reads the same data as the rule.
  const read =
    typeof subject === 'function' && !recordOf(subject)
      ? invokeSelector(subject as (data: never) => unknown, 'input')
      : subject;
  const record = recordOf(read);
  if (!record)
    throw new UnsupportedExpressionError('A Choice rule must test a field of the data, e.g. (s) => s.total.');
  return record;
}

/** A JSONPath Choice rule (without `Next`): `{ Variable, NumericGreaterThan }`, `And`, `Or`, `Not`. */
export function ruleToJsonPath(rule: RuleLike): Record<string, JsonValue> {
  if (typeof rule === 'boolean' || isJsonataExpression(rule) || rule.kind === 'jsonata') {
    throw new UnsupportedExpressionError('A JSONata condition cannot be used in a JSONPath Choice state.');
  }
  const comment: Record<string, JsonValue> = rule.comment === undefined ? {} : { Comment: rule.comment };
  switch (rule.kind) {
    case 'and':
      return { And: rule.rules.map(ruleToJsonPath), ...comment };
    case 'or':
      return { Or: rule.rules.map(ruleToJsonPath), ...comment };
    case 'not':
      return { Not: ruleToJsonPath(rule.rule), ...comment };
    case 'test':
      return {
        Variable: toJsonPath(subjectRecord(rule.subject)),
        ...conditionToJsonPath(rule.condition),
        ...comment,
      };
  }
}

function conditionToJsonPath(spec: ConditionSpec): Record<string, JsonValue> {
  switch (spec.kind) {
    case 'compare':
      return { [`${spec.type}${spec.op}`]: spec.value as JsonValue };
    case 'comparePath':
      return { [`${spec.type}${spec.op}Path`]: toJsonPath(subjectRecord(spec.other)) };
    case 'matches':
      return { StringMatches: spec.pattern };
    case 'is':
      return { [spec.test]: spec.expected };
  }
}

const JSONATA_OPERATORS = {
  Equals: '=',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
} as const;

/**
 * A JSONata Choice condition: `{% $states.input.total > 100 %}`. A condition
 * written by hand, or a constant, is written exactly as given. A comment on
 * the whole rule is the caller's to write beside the condition.
 */
export function ruleToJsonata(rule: RuleLike): JsonValue {
  if (typeof rule === 'boolean') return rule;
  if (isJsonataExpression(rule)) return rule.source;
  if (rule.kind === 'jsonata') return rule.expression.source;
  return `{% ${jsonataRule({ ...rule, comment: undefined })} %}`;
}

function jsonataRule(rule: RuleLike): string {
  if (typeof rule === 'boolean') return String(rule);
  if (isJsonataExpression(rule)) return `(${jsonataBody(rule)})`;
  if (rule.comment !== undefined) {
    throw new UnsupportedExpressionError(
      'A JSONata condition is one expression; a rule inside it has no Comment.',
    );
  }
  switch (rule.kind) {
    case 'jsonata':
      return `(${jsonataBody(rule.expression)})`;
    case 'and':
      return `(${rule.rules.map(jsonataRule).join(' and ')})`;
    case 'or':
      return `(${rule.rules.map(jsonataRule).join(' or ')})`;
    case 'not':
      return `$not(${jsonataRule(rule.rule)})`;
    case 'test':
      return conditionToJsonata(toJsonataPath(subjectRecord(rule.subject)), rule.condition);
  }
}

function conditionToJsonata(subject: string, spec: ConditionSpec): string {
  if (spec.kind === 'compare') {
    const op = JSONATA_OPERATORS[spec.op];
    if (spec.type === 'Timestamp')
      return `$toMillis(${subject}) ${op} $toMillis(${JSON.stringify(spec.value)})`;
    return `${subject} ${op} ${JSON.stringify(spec.value)}`;
  }
  if (spec.kind === 'comparePath') {
    const op = JSONATA_OPERATORS[spec.op];
    const other = toJsonataPath(subjectRecord(spec.other));
    if (spec.type === 'Timestamp') return `$toMillis(${subject}) ${op} $toMillis(${other})`;
    return `${subject} ${op} ${other}`;
  }
  if (spec.kind === 'matches') return `$contains(${subject}, /${wildcardToRegex(spec.pattern)}/)`;
  const expected = spec.expected ? '' : '$not';
  const tests = {
    IsPresent: `$exists(${subject})`,
    IsNull: `${subject} = null`,
    IsString: `$type(${subject}) = "string"`,
    IsNumeric: `$type(${subject}) = "number"`,
    IsBoolean: `$type(${subject}) = "boolean"`,
    IsTimestamp: `$type(${subject}) = "string" and $exists($toMillis(${subject}))`,
  };
  return `${expected}(${tests[spec.test]})`;
}

/** StringMatches semantics (`*` any run, `\*` a star) as an anchored JSONata regex body. */
function wildcardToRegex(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    if (c === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) {
      out += `\\${pattern[i + 1]}`;
      i += 1;
    } else if (c === '*') out += '.*';
    else out += /[.+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
  }
  return `^${out}$`;
}
