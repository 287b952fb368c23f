import { COMPARISON_OPERATORS, JSONATA_ONLY_NESTED_FIELDS, JSONPATH_ONLY_NESTED_FIELDS } from '../types';
import type { DiagnosticSink } from './diagnostic';
import { jsonataProblem, stringMatchesProblem } from './expression-syntax';
import { childPointer } from './json-pointer';
import { has, isObject, type JsonObject } from './json-tree';
import type { MachineScope } from './machines';

const DATA_TEST_OPERATORS: ReadonlySet<string> = new Set(Object.keys(COMPARISON_OPERATORS));
const BOOLEAN_OPERATORS: ReadonlySet<string> = new Set(['And', 'Or', 'Not']);

import { isTimestamp } from '../timestamp';
import { reportPathProblem } from './path-field-checks';
import { reportForeignFields } from './query-language-checks';

/**
 * Choice rules. A JSONPath rule holds exactly one comparison (a data test on
 * Variable, or And/Or/Not); a JSONata rule holds a Condition. Only top-level
 * rules transition, so they need Next and nested ones must not have it.
 */
export function checkChoiceRules(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    for (const { state, pointer, language } of scope.states) {
      if (state.Type !== 'Choice') continue;
      if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
        const at = has(state, 'Choices') ? childPointer(pointer, 'Choices') : pointer;
        sink.error('SCHEMA_VALIDATION_FAILED', at, "'Choices' must be a non-empty array of choice rules.");
        continue;
      }
      state.Choices.forEach((rule, i) => {
        const at = childPointer(pointer, 'Choices', i);
        if (!isObject(rule)) {
          sink.error('SCHEMA_VALIDATION_FAILED', at, 'A choice rule must be an object.');
          return;
        }
        if (!has(rule, 'Next'))
          sink.error('CHOICE_RULE_WITHOUT_NEXT', at, 'A top-level choice rule must have Next.');
        if (language === 'JSONata') checkJsonataRule(rule, at, sink);
        else checkJsonPathRule(rule, at, false, sink);
      });
    }
  }
}

function checkJsonataRule(rule: JsonObject, pointer: string, sink: DiagnosticSink): void {
  const before = sink.diagnostics.length;
  const jsonPathOnly = [...JSONPATH_ONLY_NESTED_FIELDS.ChoiceRule, ...DATA_TEST_OPERATORS];
  reportForeignFields(rule, pointer, 'JSONata', jsonPathOnly, [], sink);
  const foreign = sink.diagnostics.length > before;
  if (!has(rule, 'Condition')) {
    if (!foreign)
      sink.error('CHOICE_RULE_WITHOUT_COMPARISON', pointer, 'A JSONata choice rule must have a Condition.');
    return;
  }
  const condition = rule.Condition;
  const at = childPointer(pointer, 'Condition');
  if (typeof condition === 'boolean') return;
  if (typeof condition !== 'string') {
    sink.error('INVALID_JSONATA', at, '\'Condition\' must be a JSONata expression "{% ... %}" or a boolean.');
    return;
  }
  const problem = jsonataProblem(condition.trimStart().startsWith('{%') ? condition : `{%${condition}`);
  if (problem) sink.error(problem.code, at, problem.message);
}

function checkJsonPathRule(rule: JsonObject, pointer: string, nested: boolean, sink: DiagnosticSink): void {
  reportForeignFields(rule, pointer, 'JSONPath', [], JSONATA_ONLY_NESTED_FIELDS.ChoiceRule, sink);
  if (nested && has(rule, 'Next')) {
    sink.error(
      'NESTED_CHOICE_RULE_WITH_NEXT',
      childPointer(pointer, 'Next'),
      'Rules nested in And, Or or Not must not have Next.',
    );
  }
  const operators = Object.keys(rule).filter(
    (key) => DATA_TEST_OPERATORS.has(key) || BOOLEAN_OPERATORS.has(key),
  );
  if (operators.length === 0) {
    sink.error(
      'CHOICE_RULE_WITHOUT_COMPARISON',
      pointer,
      'A choice rule must have a comparison operator, And, Or or Not.',
    );
    return;
  }
  if (operators.length > 1) {
    sink.error(
      'CHOICE_RULE_MULTIPLE_COMPARISONS',
      pointer,
      `A choice rule must have exactly one comparison, not ${operators.join(', ')}.`,
    );
  }
  for (const operator of operators) checkOperator(rule, operator, pointer, sink);
}

function checkOperator(rule: JsonObject, operator: string, pointer: string, sink: DiagnosticSink): void {
  const at = childPointer(pointer, operator);
  const operand = rule[operator];
  if (BOOLEAN_OPERATORS.has(operator)) {
    const nested = operator === 'Not' ? [operand] : operand;
    if (!Array.isArray(nested) || nested.length === 0 || !nested.every(isObject)) {
      const expected = operator === 'Not' ? 'a choice rule' : 'a non-empty array of choice rules';
      sink.error('SCHEMA_VALIDATION_FAILED', at, `'${operator}' must be ${expected}.`);
      return;
    }
    nested.forEach((child, i) => {
      checkJsonPathRule(child as JsonObject, operator === 'Not' ? at : childPointer(at, i), true, sink);
    });
    return;
  }
  if (!has(rule, 'Variable'))
    sink.error('SCHEMA_VALIDATION_FAILED', pointer, `'${operator}' needs a 'Variable' to test.`);
  else if (typeof rule.Variable !== 'string')
    sink.error('SCHEMA_VALIDATION_FAILED', childPointer(pointer, 'Variable'), "'Variable' must be a string.");
  else reportPathProblem(rule.Variable, 'path', childPointer(pointer, 'Variable'), sink);
  const kind = COMPARISON_OPERATORS[operator as keyof typeof COMPARISON_OPERATORS];
  if (kind?.operand === 'path') {
    if (typeof operand === 'string') reportPathProblem(operand, 'path', at, sink);
    else sink.error('SCHEMA_VALIDATION_FAILED', at, `'${operator}' must be a path string.`);
  } else if (operator === 'StringMatches' && typeof operand === 'string') {
    const problem = stringMatchesProblem(operand);
    if (problem) sink.error(problem.code, at, problem.message);
  } else if (kind?.operand === 'timestamp' && typeof operand === 'string' && !isTimestamp(operand)) {
    sink.error(
      'INVALID_TIMESTAMP',
      at,
      `${JSON.stringify(operand)} is not an RFC 3339 timestamp such as 2016-03-14T01:59:00Z.`,
    );
  }
}
