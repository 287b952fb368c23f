import type { JsonPath, PathRoot } from './ast';
import { hasOwnMember, isJsonObject, resolveIndex } from './json-values';
import { parsePath } from './parse-path';
import { isDefinitePath } from './path-kinds';
import { applySegment } from './select';

/** What a path is evaluated against. */
export interface PathScope {
  /** The state's data, `$`. */
  readonly input: unknown;
  /** The context object, `$$`. */
  readonly context?: unknown;
  /** ASL variables, `$name`. */
  readonly variables?: ReadonlyMap<string, unknown>;
}

export type PathResult = { readonly found: true; readonly value: unknown } | { readonly found: false };

/**
 * A path parsed once and evaluated many times. A definite path yields its
 * single value (or `found: false`); any other path yields the array of its
 * matches, which is empty when nothing matches, as AWS does.
 */
export interface CompiledPath {
  readonly source: string;
  readonly path: JsonPath;
  /** True when the path yields one value rather than a list of matches. */
  readonly definite: boolean;
  evaluate(scope: PathScope): PathResult;
}

const NOT_FOUND: PathResult = Object.freeze({ found: false });

export function compilePath(source: string | JsonPath): CompiledPath {
  const path = typeof source === 'string' ? parsePath(source) : source;
  const readRoot = rootReader(path.root);
  const definite = isDefinitePath(path);
  const evaluate = definite ? definiteEvaluator(path, readRoot) : generalEvaluator(path, readRoot);
  return { source: path.source, path, definite, evaluate };
}

/** A root that is absent from the scope (no context, undefined variable). */
const ABSENT: unique symbol = Symbol('absent');
type RootReader = (scope: PathScope) => unknown;

function rootReader(root: PathRoot): RootReader {
  switch (root.kind) {
    case 'input':
      return (scope) => scope.input;
    case 'context':
      return (scope) => (scope.context === undefined ? ABSENT : scope.context);
    case 'variable': {
      const name = root.name;
      return (scope) => {
        const variables = scope.variables;
        return variables?.has(name) ? variables.get(name) : ABSENT;
      };
    }
  }
}

/**
 * Member names and indices flattened into one array so evaluation is a
 * single loop with no parsing, no allocation per step and only own-property
 * reads.
 */
function definiteEvaluator(path: JsonPath, readRoot: RootReader): (scope: PathScope) => PathResult {
  const steps: (string | number)[] = [];
  for (const segment of path.segments) {
    if (segment.kind === 'index') steps.push(segment.index);
    else if (segment.kind === 'property') steps.push(segment.name);
  }
  const count = steps.length;
  return (scope) => {
    let node = readRoot(scope);
    if (node === ABSENT) return NOT_FOUND;
    for (let i = 0; i < count; i++) {
      const step = steps[i] as string | number;
      if (typeof step === 'number') {
        if (!Array.isArray(node)) return NOT_FOUND;
        const index = resolveIndex(step, node.length);
        if (index < 0) return NOT_FOUND;
        node = node[index];
      } else {
        if (!isJsonObject(node) || !hasOwnMember(node, step)) return NOT_FOUND;
        node = node[step];
      }
    }
    return { found: true, value: node };
  };
}

function generalEvaluator(path: JsonPath, readRoot: RootReader): (scope: PathScope) => PathResult {
  const segments = path.segments;
  return (scope) => {
    const start = readRoot(scope);
    if (start === ABSENT) return NOT_FOUND;
    // `$` inside a filter means the state's data, whichever root the path itself has.
    const filterRoot = scope.input;
    let nodes: unknown[] = [start];
    for (const segment of segments) {
      nodes = applySegment(segment, nodes, filterRoot);
      if (nodes.length === 0) break;
    }
    return { found: true, value: nodes };
  };
}
