import type { PathSegment, PathSelector, SliceSelector } from './ast';
import { testFilter } from './evaluate-filter';
import { hasOwnMember, isJsonObject, resolveIndex } from './json-values';
import { spendPathSteps } from './path-budget';

/**
 * Applies one segment to every node in `nodes` and returns the matches in
 * document order. `root` is the data a `$` inside a filter refers to.
 */
export function applySegment(segment: PathSegment, nodes: readonly unknown[], root: unknown): unknown[] {
  spendPathSteps(nodes.length);
  const out: unknown[] = [];
  for (const node of nodes) {
    if (segment.kind === 'descendant') selectDescendants(segment.selector, node, out, root);
    else select(segment, node, out, root);
  }
  return out;
}

/** Pushes onto `out` what `selector` picks from `node`. */
export function select(selector: PathSelector, node: unknown, out: unknown[], root: unknown): void {
  switch (selector.kind) {
    case 'property':
      if (isJsonObject(node) && hasOwnMember(node, selector.name)) out.push(node[selector.name]);
      return;
    case 'index':
      pushIndex(node, selector.index, out);
      return;
    case 'wildcard':
      // A loop rather than push(...items): spreading a huge array overflows the argument limit.
      if (Array.isArray(node)) {
        spendPathSteps(node.length);
        for (const item of node) out.push(item);
      } else if (isJsonObject(node)) {
        const keys = Object.keys(node);
        spendPathSteps(keys.length);
        for (const key of keys) out.push(node[key]);
      }
      return;
    case 'union':
      if ('names' in selector) {
        for (const name of selector.names) select({ kind: 'property', name }, node, out, root);
      } else {
        for (const index of selector.indices) pushIndex(node, index, out);
      }
      return;
    case 'slice':
      if (Array.isArray(node)) pushSlice(selector, node, out);
      return;
    case 'filter':
      // An array has its elements tested; any other object is tested itself.
      if (Array.isArray(node)) {
        spendPathSteps(node.length);
        for (const item of node) if (testFilter(selector.expression, item, root)) out.push(item);
      } else if (isJsonObject(node) && testFilter(selector.expression, node, root)) {
        out.push(node);
      }
      return;
  }
}

/**
 * `..selector`: applies the selector at the node and at every node below it,
 * in pre-order. An explicit stack keeps deeply nested data from exhausting
 * the call stack.
 */
function selectDescendants(selector: PathSelector, start: unknown, out: unknown[], root: unknown): void {
  const stack: unknown[] = [start];
  while (stack.length > 0) {
    const node = stack.pop();
    spendPathSteps(1);
    select(selector, node, out, root);
    const children = Array.isArray(node) ? node : isJsonObject(node) ? Object.values(node) : undefined;
    if (children === undefined) continue;
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

function pushIndex(node: unknown, index: number, out: unknown[]): void {
  if (!Array.isArray(node)) return;
  const resolved = resolveIndex(index, node.length);
  if (resolved >= 0) out.push(node[resolved]);
}

/** Python-style slice bounds, as in RFC 9535. */
function pushSlice(selector: SliceSelector, array: readonly unknown[], out: unknown[]): void {
  const step = selector.step ?? 1;
  if (step === 0) return;
  const length = array.length;
  const clamp = (bound: number, low: number, high: number): number =>
    Math.min(Math.max(bound < 0 ? length + bound : bound, low), high);
  spendPathSteps(Math.ceil(length / Math.abs(step)));
  if (step > 0) {
    const start = clamp(selector.start ?? 0, 0, length);
    const end = clamp(selector.end ?? length, 0, length);
    for (let index = start; index < end; index += step) out.push(array[index]);
  } else {
    const start = clamp(selector.start ?? length - 1, -1, length - 1);
    const end = clamp(selector.end ?? -length - 1, -1, length - 1);
    for (let index = start; index > end; index += step) out.push(array[index]);
  }
}
