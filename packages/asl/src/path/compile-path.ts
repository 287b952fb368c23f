import type { JsonPath, PathRoot } from './ast';
import { hasOwnMember, isJsonObject, resolveIndex } from './json-values';
import { parsePath } from './parse-path';
import { startPathBudget } from './path-budget';
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

/** What `CompiledPath.read` returns when the path matches nothing. */
export const PATH_NOT_FOUND: unique symbol = Symbol('path not found');

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
  /**
   * The same as `evaluate`, without a result object: the value, or `PATH_NOT_FOUND`. For paths
   * read on every state of a hot loop.
   */
  read(scope: PathScope): unknown;
}

const NOT_FOUND: PathResult = Object.freeze({ found: false });

export function compilePath(source: string | JsonPath): CompiledPath {
  const path = typeof source === 'string' ? parsePath(source) : source;
  const readRoot = rootReader(path.root);
  const definite = isDefinitePath(path);
  const read = definite ? definiteReader(path, readRoot) : generalReader(path, readRoot);
  const evaluate = (scope: PathScope): PathResult => {
    const value = read(scope);
    return value === PATH_NOT_FOUND ? NOT_FOUND : { found: true, value };
  };
  return { source: path.source, path, definite, evaluate, read };
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
function definiteReader(path: JsonPath, readRoot: RootReader): (scope: PathScope) => unknown {
  const steps: (string | number)[] = [];
  for (const segment of path.segments) {
    if (segment.kind === 'index') steps.push(segment.index);
    else if (segment.kind === 'property') steps.push(segment.name);
  }
  const count = steps.length;
  return (scope) => {
    let node = readRoot(scope);
    if (node === ABSENT) return PATH_NOT_FOUND;
    for (let i = 0; i < count; i++) {
      const step = steps[i] as string | number;
      if (typeof step === 'number') {
        if (!Array.isArray(node)) return PATH_NOT_FOUND;
        const index = resolveIndex(step, node.length);
        if (index < 0) return PATH_NOT_FOUND;
        node = node[index];
      } else {
        if (!isJsonObject(node) || !hasOwnMember(node, step)) return PATH_NOT_FOUND;
        node = node[step];
      }
    }
    return node;
  };
}

function generalReader(path: JsonPath, readRoot: RootReader): (scope: PathScope) => unknown {
  const segments = path.segments;
  return (scope) => {
    const start = readRoot(scope);
    if (start === ABSENT) return PATH_NOT_FOUND;
    // `$` inside a filter means the state's data, whichever root the path itself has.
    const filterRoot = scope.input;
    startPathBudget();
    let nodes: unknown[] = [start];
    for (const segment of segments) {
      nodes = applySegment(segment, nodes, filterRoot);
      if (nodes.length === 0) break;
    }
    return nodes;
  };
}
