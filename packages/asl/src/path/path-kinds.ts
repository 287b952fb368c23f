import type { JsonPath, PathSegment } from './ast';

/**
 * A reference path names a single definite location using only member names
 * and non-negative indices. ASL requires one for ResultPath, a Choice rule's
 * Variable and the `...Path` comparison operands.
 */
export function isReferencePath(path: JsonPath): boolean {
  return path.segments.every(isReferenceSegment);
}

/**
 * A definite path yields at most one value, so evaluation returns that value
 * rather than a list of matches. It differs from a reference path only in
 * also allowing a negative index (counted from the end).
 */
export function isDefinitePath(path: JsonPath): boolean {
  return areDefiniteSegments(path.segments);
}

export function areDefiniteSegments(segments: readonly PathSegment[]): boolean {
  return segments.every((segment) => segment.kind === 'property' || segment.kind === 'index');
}

function isReferenceSegment(segment: PathSegment): boolean {
  return segment.kind === 'property' || (segment.kind === 'index' && segment.index >= 0);
}
