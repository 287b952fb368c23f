import type { PathSelector } from './ast';
import { parseFilterExpression } from './parse-filter';
import type { PathCursor } from './path-cursor';
import { isDigit } from './path-cursor';

/** Parses `[...]`: the cursor is on the opening bracket. */
export function parseBracket(cursor: PathCursor): PathSelector {
  const open = cursor.position;
  cursor.position++;
  cursor.skipSpaces();
  const selector = parseBracketBody(cursor, open);
  cursor.skipSpaces();
  if (cursor.atEnd) cursor.fail("unterminated bracket: expected ']'", open);
  cursor.expect(']', "']'");
  return selector;
}

function parseBracketBody(cursor: PathCursor, open: number): PathSelector {
  const char = cursor.peek();
  if (char === '*') {
    cursor.position++;
    return { kind: 'wildcard' };
  }
  if (char === '?') {
    cursor.position++;
    cursor.skipSpaces();
    return { kind: 'filter', expression: parseFilterExpression(cursor) };
  }
  if (char === "'" || char === '"') return parseNames(cursor);
  if (char === '-' || char === ':' || isDigit(char)) return parseIndices(cursor);
  if (char === ']') cursor.fail('empty brackets', open);
  if (cursor.atEnd) cursor.fail("unterminated bracket: expected ']'", open);
  return cursor.fail(
    `expected a quoted name, an index, a slice, '*' or '?' but found ${cursor.describeHere()}`,
  );
}

function parseNames(cursor: PathCursor): PathSelector {
  const names: string[] = [];
  for (;;) {
    const start = cursor.position;
    if (cursor.peek() !== "'" && cursor.peek() !== '"') {
      cursor.fail(`expected a quoted name but found ${cursor.describeHere()}`);
    }
    names.push(cursor.checkName(cursor.readQuoted(), start));
    cursor.skipSpaces();
    if (cursor.peek() !== ',') break;
    cursor.position++;
    cursor.skipSpaces();
  }
  const [first] = names;
  if (names.length === 1 && first !== undefined) return { kind: 'property', name: first };
  return { kind: 'union', names };
}

function parseIndices(cursor: PathCursor): PathSelector {
  const first = readOptionalInteger(cursor);
  cursor.skipSpaces();
  if (cursor.peek() === ':') return parseSlice(cursor, first);
  if (first === null) return cursor.fail(`expected an index but found ${cursor.describeHere()}`);
  const indices = [first];
  while (cursor.peek() === ',') {
    cursor.position++;
    cursor.skipSpaces();
    if (cursor.peek() !== '-' && !isDigit(cursor.peek())) {
      cursor.fail(`expected an index after ',' but found ${cursor.describeHere()}`);
    }
    indices.push(cursor.readInteger());
    cursor.skipSpaces();
  }
  if (indices.length === 1) return { kind: 'index', index: first };
  return { kind: 'union', indices };
}

function parseSlice(cursor: PathCursor, start: number | null): PathSelector {
  cursor.position++;
  cursor.skipSpaces();
  const end = readOptionalInteger(cursor);
  cursor.skipSpaces();
  let step: number | null = null;
  if (cursor.peek() === ':') {
    cursor.position++;
    cursor.skipSpaces();
    step = readOptionalInteger(cursor);
    cursor.skipSpaces();
  }
  return { kind: 'slice', start, end, step };
}

function readOptionalInteger(cursor: PathCursor): number | null {
  const char = cursor.peek();
  return char === '-' || isDigit(char) ? cursor.readInteger() : null;
}
