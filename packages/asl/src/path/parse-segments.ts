import type { PathSegment, PathSelector } from './ast';
import { parseBracket } from './parse-bracket';
import type { PathCursor } from './path-cursor';
import { isSpace } from './path-cursor';

/**
 * Where a run of segments appears. At the top level a dot name runs to the
 * next `.` or `[` (AWS reads `$.list.length()` as a member named
 * `length()`); inside a filter it also stops at the expression's operators.
 */
export type SegmentContext = 'path' | 'filter';

const FILTER_NAME_STOPS = new Set(['.', '[', ']', '(', ')', '=', '!', '<', '>', '&', '|', ',', "'", '"']);
const PATH_NAME_STOPS = new Set(['.', '[']);
const NAME_REFUSED = new Set([']', "'", '"']);

/** Reads segments for as long as the text continues with `.` or `[`. */
export function parseSegments(cursor: PathCursor, context: SegmentContext): PathSegment[] {
  const segments: PathSegment[] = [];
  for (;;) {
    const char = cursor.peek();
    if (char === '[') {
      segments.push(parseBracket(cursor));
    } else if (char === '.') {
      segments.push(parseDotSegment(cursor, context));
    } else {
      return segments;
    }
  }
}

function parseDotSegment(cursor: PathCursor, context: SegmentContext): PathSegment {
  const start = cursor.position;
  if (cursor.peek(1) === '.') {
    cursor.position += 2;
    const next = cursor.peek();
    if (next === '[') return { kind: 'descendant', selector: parseBracket(cursor) };
    if (next === '.' || next === '') cursor.fail("expected a name, '*' or '[' after '..'");
    return { kind: 'descendant', selector: parseDotSelector(cursor, context, start) };
  }
  cursor.position++;
  return parseDotSelector(cursor, context, start);
}

function parseDotSelector(cursor: PathCursor, context: SegmentContext, segmentStart: number): PathSelector {
  if (cursor.peek() === '*') {
    cursor.position++;
    return { kind: 'wildcard' };
  }
  const start = cursor.position;
  const stops = context === 'path' ? PATH_NAME_STOPS : FILTER_NAME_STOPS;
  while (!cursor.atEnd && !stops.has(cursor.peek()) && !isSpace(cursor.peek())) {
    if (NAME_REFUSED.has(cursor.peek())) cursor.fail(`unexpected ${cursor.describeHere()} in a member name`);
    cursor.position++;
  }
  if (cursor.position === start) {
    if (cursor.atEnd) cursor.fail('the path ends with a dot', segmentStart);
    if (isSpace(cursor.peek()) && context === 'path') {
      cursor.fail("a member name cannot contain spaces; use ['name'] instead");
    }
    cursor.fail(`expected a member name after '.' but found ${cursor.describeHere()}`);
  }
  if (context === 'path' && isSpace(cursor.peek())) {
    cursor.fail("a member name cannot contain spaces; use ['name'] instead");
  }
  const name = cursor.source.slice(start, cursor.position);
  return { kind: 'property', name: cursor.checkName(name, start) };
}
