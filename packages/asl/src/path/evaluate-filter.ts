import type { FilterComparisonOperator, FilterExpression, FilterOperand } from './ast';
import { jsonEquals } from './json-values';
import { areDefiniteSegments } from './path-kinds';
import { applySegment } from './select';

/** The value of an operand whose path matched nothing. */
const MISSING: unique symbol = Symbol('missing');
type OperandValue = unknown | typeof MISSING;

/** Interprets a filter expression against `current` (`@`), with `root` as `$`. */
export function testFilter(expression: FilterExpression, current: unknown, root: unknown): boolean {
  switch (expression.kind) {
    case 'or':
      return testFilter(expression.left, current, root) || testFilter(expression.right, current, root);
    case 'and':
      return testFilter(expression.left, current, root) && testFilter(expression.right, current, root);
    case 'not':
      return !testFilter(expression.operand, current, root);
    case 'test':
      return isTruthyOperand(expression.operand, current, root);
    case 'compare':
      return compare(
        expression.operator,
        operandValue(expression.left, current, root),
        operandValue(expression.right, current, root),
      );
  }
}

/** A path operand is true when it matches something; a literal by its own truth. */
function isTruthyOperand(operand: FilterOperand, current: unknown, root: unknown): boolean {
  if (operand.kind === 'literal') return Boolean(operand.value);
  const value = operandValue(operand, current, root);
  return (
    value !== MISSING &&
    !(Array.isArray(value) && !areDefiniteSegments(operand.segments) && value.length === 0)
  );
}

function operandValue(operand: FilterOperand, current: unknown, root: unknown): OperandValue {
  if (operand.kind === 'literal') return operand.value;
  let nodes: unknown[] = [operand.from === 'current' ? current : root];
  for (const segment of operand.segments) {
    nodes = applySegment(segment, nodes, root);
    if (nodes.length === 0) break;
  }
  if (!areDefiniteSegments(operand.segments)) return nodes;
  return nodes.length === 0 ? MISSING : nodes[0];
}

function compare(operator: FilterComparisonOperator, left: OperandValue, right: OperandValue): boolean {
  switch (operator) {
    case '==':
      return equalValues(left, right);
    case '!=':
      return !equalValues(left, right);
    case '<':
      return order(left, right) < 0;
    case '<=':
      return order(left, right) <= 0;
    case '>':
      return order(left, right) > 0;
    case '>=':
      return order(left, right) >= 0;
  }
}

/**
 * Equality as the AWS JSONPath engine applies it: a number and a numeric
 * string compare by value (`@.status == '0'` matches 0); otherwise JSON
 * structural equality. Nothing equals a missing value.
 */
function equalValues(left: OperandValue, right: OperandValue): boolean {
  if (left === MISSING || right === MISSING) return false;
  if (typeof left === 'number' && typeof right === 'string') return left === numericString(right);
  if (typeof left === 'string' && typeof right === 'number') return numericString(left) === right;
  return jsonEquals(left, right);
}

/** Orders two numbers or two strings; anything else is unordered (NaN, so every test fails). */
function order(left: OperandValue, right: OperandValue): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return Number.NaN;
}

function numericString(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}
