/**
 * A drawing-neutral picture of a workflow: states as nodes, Parallel and Map
 * states as containers of nested scopes, and transitions as typed edges.
 * Every renderer (Mermaid, DOT) draws this model and nothing else.
 */
export interface GraphNode {
  kind: 'state';
  id: string;
  name: string;
  type: string;
}

export interface GraphContainer {
  kind: 'container';
  id: string;
  name: string;
  type: 'Parallel' | 'Map';
  /** The branches of a Parallel state, or the one item processor of a Map state. */
  scopes: GraphScope[];
  /** A node inside, where drawn edges into the container land (DOT needs a real node). */
  entry: string;
  /** A node inside, where drawn edges out of the container leave from. */
  exit: string;
}

export type GraphItem = GraphNode | GraphContainer;

export interface GraphScope {
  id: string;
  label: string;
  items: GraphItem[];
  /** Id of the item StartAt names, when it exists. */
  start?: string;
}

export type EdgeKind = 'start' | 'next' | 'choice' | 'default' | 'catch' | 'end';

export interface GraphEdge {
  /** Position in `WorkflowGraph.edges`; renderers that style edges by number rely on it. */
  index: number;
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
}

export interface WorkflowGraph {
  title?: string;
  root: GraphScope;
  edges: GraphEdge[];
  /** Ids of the synthetic start and end markers of the top-level machine. */
  startId: string;
  endId: string;
}

/** What an execution's history says about the drawing. */
export interface ExecutionOverlay {
  visited: ReadonlySet<string>;
  failed: ReadonlySet<string>;
  takenEdges: ReadonlySet<number>;
}

export function findItem(scope: GraphScope, id: string): GraphItem | undefined {
  for (const item of scope.items) {
    if (item.id === id) return item;
    if (item.kind === 'container') {
      for (const inner of item.scopes) {
        const found = findItem(inner, id);
        if (found) return found;
      }
    }
  }
  return undefined;
}
