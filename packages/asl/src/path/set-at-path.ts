import type { JsonPath, PathSegment } from './ast';
import { hasOwnMember, isJsonObject } from './json-values';
import { ResultPathMatchError } from './path-errors';
import { isReferencePath } from './path-kinds';

/**
 * Places `value` at `path` inside `target` with ResultPath semantics and
 * returns the new document; `target` itself is not modified. `$` replaces
 * the whole document, missing objects along the way are created, and the
 * containers on the path are copied while untouched branches are shared.
 *
 * Throws `ResultPathMatchError` when the path is not a reference path into
 * the state's data, or when it runs through something that is not an object
 * (or, for an index, an array holding that index).
 */
export function setAtPath(target: unknown, path: JsonPath, value: unknown): unknown {
  if (path.root.kind !== 'input' || !isReferencePath(path)) {
    throw new ResultPathMatchError(path.source, target, {
      reason: 'the path is not a reference path into $',
    });
  }
  return place(target, path.segments, 0, value, path.source, target);
}

function place(
  node: unknown,
  segments: readonly PathSegment[],
  depth: number,
  value: unknown,
  source: string,
  document: unknown,
): unknown {
  const segment = segments[depth];
  if (segment === undefined) return value;
  if (segment.kind === 'index') {
    if (!Array.isArray(node) || segment.index >= node.length) {
      throw new ResultPathMatchError(source, document, {
        reason: `no array element at index ${segment.index}`,
      });
    }
    const copy = node.slice();
    copy[segment.index] = place(node[segment.index], segments, depth + 1, value, source, document);
    return copy;
  }
  if (segment.kind !== 'property') {
    throw new ResultPathMatchError(source, document, { reason: 'the path is not a reference path' });
  }
  const name = segment.name;
  if (node !== undefined && !isJsonObject(node)) {
    throw new ResultPathMatchError(source, document, {
      reason: `the value before '${name}' is not an object`,
    });
  }
  if (name === '__proto__') {
    // The parser refuses this name; a hand-built path must not reach the prototype either.
    throw new ResultPathMatchError(source, document, {
      reason: "the member name '__proto__' is not allowed",
    });
  }
  const copy: Record<string, unknown> = node === undefined ? {} : { ...node };
  const child = node !== undefined && hasOwnMember(node, name) ? node[name] : undefined;
  copy[name] = place(child, segments, depth + 1, value, source, document);
  return copy;
}
