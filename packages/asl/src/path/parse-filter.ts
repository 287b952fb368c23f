import type { FilterComparisonOperator, FilterExpression, FilterOperand } from './ast';
import { parseSegments } from './parse-segments';
import type { PathCursor } from './path-cursor';
import { isDigit } from './path-cursor';

/** Deep enough for any real filter, shallow enough that hostile nesting cannot exhaust the stack. */
const MAX_NESTING = 64;
/** Filters inside the paths of filters (`[?(@.a[?(@.b)])]`), each with its own MAX_NESTING. */
const MAX_FILTER_NESTING = 16;

const OPERATORS: readonly FilterComparisonOperator[] = ['==', '!=', '<=', '>=', '<', '>'];

/**
 * Parses the expression after `[?`. The grammar is deliberately small:
 * `||`, `&&`, `!`, parentheses, comparisons and existence tests over
 * `@`/`$` paths and JSON literals. It is interpreted, never compiled to code.
 */
export function parseFilterExpression(cursor: PathCursor): FilterExpression {
  if (cursor.filterNesting >= MAX_FILTER_NESTING) cursor.fail('the filters are nested too deeply');
  cursor.filterNesting++;
  try {
    return parseOr(cursor, 0);
  } finally {
    cursor.filterNesting--;
  }
}

function parseOr(cursor: PathCursor, depth: number): FilterExpression {
  let left = parseAnd(cursor, depth);
  while (skipThen(cursor, '||')) left = { kind: 'or', left, right: parseAnd(cursor, depth) };
  return left;
}

function parseAnd(cursor: PathCursor, depth: number): FilterExpression {
  let left = parseUnary(cursor, depth);
  while (skipThen(cursor, '&&')) left = { kind: 'and', left, right: parseUnary(cursor, depth) };
  return left;
}

function parseUnary(cursor: PathCursor, depth: number): FilterExpression {
  if (depth > MAX_NESTING) cursor.fail('the filter expression is nested too deeply');
  cursor.skipSpaces();
  if (cursor.peek() === '!' && cursor.peek(1) !== '=') {
    cursor.position++;
    return { kind: 'not', operand: parseUnary(cursor, depth + 1) };
  }
  if (cursor.peek() === '(') {
    const open = cursor.position++;
    const inner = parseOr(cursor, depth + 1);
    cursor.skipSpaces();
    if (cursor.atEnd) cursor.fail("unterminated parenthesis: expected ')'", open);
    cursor.expect(')', "')'");
    return inner;
  }
  return parseComparison(cursor);
}

function parseComparison(cursor: PathCursor): FilterExpression {
  const left = parseOperand(cursor);
  cursor.skipSpaces();
  if (cursor.startsWith('=~')) cursor.fail('regular expression matching is not supported in filters');
  const operator = OPERATORS.find((candidate) => cursor.startsWith(candidate));
  if (operator === undefined) {
    if (cursor.peek() === '=') cursor.fail("use '==' to compare values");
    return { kind: 'test', operand: left };
  }
  cursor.position += operator.length;
  cursor.skipSpaces();
  return { kind: 'compare', operator, left, right: parseOperand(cursor) };
}

function parseOperand(cursor: PathCursor): FilterOperand {
  cursor.skipSpaces();
  const char = cursor.peek();
  if (char === '@' || char === '$') {
    const at = cursor.position++;
    if (char === '$' && (cursor.peek() === '$' || /^[\p{L}_]$/u.test(cursor.peek()))) {
      cursor.fail('only @ and $ paths can be used in a filter', at);
    }
    return {
      kind: 'path',
      from: char === '@' ? 'current' : 'input',
      segments: parseSegments(cursor, 'filter'),
    };
  }
  if (char === "'" || char === '"') return { kind: 'literal', value: cursor.readQuoted() };
  if (char === '-' || isDigit(char)) return { kind: 'literal', value: readNumber(cursor) };
  for (const [word, value] of KEYWORDS) {
    if (cursor.startsWith(word) && !/^[\p{L}\p{N}_]$/u.test(cursor.peek(word.length))) {
      cursor.position += word.length;
      return { kind: 'literal', value };
    }
  }
  if (cursor.atEnd) cursor.fail('the filter expression is incomplete');
  return cursor.fail(
    `expected a value ('@', '$', a string, a number, true, false or null) but found ${cursor.describeHere()}`,
  );
}

const KEYWORDS: readonly (readonly [string, boolean | null])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

function readNumber(cursor: PathCursor): number {
  const start = cursor.position;
  if (cursor.peek() === '-') cursor.position++;
  if (!isDigit(cursor.peek())) cursor.fail(`expected a digit but found ${cursor.describeHere()}`);
  skipDigits(cursor);
  if (cursor.peek() === '.' && isDigit(cursor.peek(1))) {
    cursor.position++;
    skipDigits(cursor);
  }
  if (cursor.peek() === 'e' || cursor.peek() === 'E') {
    cursor.position++;
    if (cursor.peek() === '+' || cursor.peek() === '-') cursor.position++;
    if (!isDigit(cursor.peek())) cursor.fail('expected digits in the exponent');
    skipDigits(cursor);
  }
  const value = Number(cursor.source.slice(start, cursor.position));
  if (!Number.isFinite(value)) cursor.fail('the number is out of range', start);
  return value;
}

function skipDigits(cursor: PathCursor): void {
  while (isDigit(cursor.peek())) cursor.position++;
}

/** Skips spaces and consumes `token` if it comes next. */
function skipThen(cursor: PathCursor, token: string): boolean {
  cursor.skipSpaces();
  if (!cursor.startsWith(token)) return false;
  cursor.position += token.length;
  return true;
}
