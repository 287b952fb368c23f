import type { JsonPath, PathRoot } from './ast';
import { parseSegments } from './parse-segments';
import { PathCursor } from './path-cursor';
import { InvalidPathError } from './path-errors';

export type TryParsePathResult =
  | { readonly ok: true; readonly path: JsonPath }
  | { readonly ok: false; readonly error: InvalidPathError };

/**
 * Parses an ASL JSONPath: `$...` (the state's data), `$$...` (the context
 * object) or `$name...` (a variable). Throws `InvalidPathError` saying where
 * and why the text is not a path.
 */
export function parsePath(source: string): JsonPath {
  const cursor = new PathCursor(source);
  const root = parseRoot(cursor);
  const segments = parseSegments(cursor, 'path');
  if (!cursor.atEnd) cursor.fail(`expected '.' or '[' but found ${cursor.describeHere()}`);
  return { source, root, segments };
}

/** Like `parsePath`, reporting failure as a value instead of throwing. */
export function tryParsePath(source: string): TryParsePathResult {
  try {
    return { ok: true, path: parsePath(source) };
  } catch (error) {
    if (error instanceof InvalidPathError) return { ok: false, error };
    throw error;
  }
}

const INPUT: PathRoot = { kind: 'input' };
const CONTEXT: PathRoot = { kind: 'context' };

function parseRoot(cursor: PathCursor): PathRoot {
  if (cursor.peek() !== '$') {
    if (cursor.atEnd) cursor.fail('the path is empty');
    cursor.fail(`a path must start with '$' but starts with ${cursor.describeHere()}`);
  }
  cursor.position++;
  if (cursor.peek() === '$') {
    cursor.position++;
    return CONTEXT;
  }
  if (!isNameStart(cursor.peek())) return INPUT;
  const start = cursor.position;
  while (isNamePart(cursor.peek())) cursor.position++;
  return { kind: 'variable', name: cursor.source.slice(start, cursor.position) };
}

function isNameStart(char: string): boolean {
  return char !== '' && /^[\p{L}_]$/u.test(char);
}

function isNamePart(char: string): boolean {
  return char !== '' && /^[\p{L}\p{N}_]$/u.test(char);
}
