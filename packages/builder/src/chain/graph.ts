import { ConflictingTransitionError } from '../errors';
import type { StateNode } from './state-node';

/**
 * The runtime shape of a chain: its first state, every state it reaches in
 * the same scope, the transitions between them and the states still open for
 * a successor. Graphs are never mutated; every operation returns a new one.
 */
export interface Graph {
  readonly head: StateNode;
  readonly nodes: readonly StateNode[];
  readonly links: ReadonlyMap<StateNode, StateNode>;
  readonly ends: readonly StateNode[];
}

export function single(node: StateNode, ends: readonly StateNode[] = node.terminal ? [] : [node]): Graph {
  return withBranches({ head: node, nodes: [node], links: new Map(), ends }, node.branches);
}

/** Adds the states and transitions of branch chains (Choice rules, Catch handlers). */
export function withBranches(graph: Graph, branches: readonly Graph[]): Graph {
  let nodes = graph.nodes;
  let links = graph.links;
  for (const branch of branches) {
    nodes = union(nodes, branch.nodes);
    links = mergeLinks(links, branch.links);
  }
  return { ...graph, nodes, links };
}

/** `first` followed by `second`: every open end of `first` continues to `second`'s head. */
export function append(first: Graph, second: Graph): Graph {
  let links = mergeLinks(first.links, second.links);
  for (const end of first.ends) links = mergeLinks(links, new Map([[end, second.head]]));
  return { head: first.head, nodes: union(first.nodes, second.nodes), links, ends: second.ends };
}

function union(a: readonly StateNode[], b: readonly StateNode[]): readonly StateNode[] {
  const seen = new Set(a);
  return [...a, ...b.filter((node) => !seen.has(node))];
}

function mergeLinks(
  a: ReadonlyMap<StateNode, StateNode>,
  b: ReadonlyMap<StateNode, StateNode>,
): ReadonlyMap<StateNode, StateNode> {
  if (b.size === 0) return a;
  const merged = new Map(a);
  for (const [from, to] of b) {
    const existing = merged.get(from);
    if (existing && existing !== to) throw new ConflictingTransitionError(from.name, existing.name, to.name);
    merged.set(from, to);
  }
  return merged;
}
