import { choiceLabel } from './choice-label';
import type { EdgeKind, GraphEdge, GraphItem, GraphScope, WorkflowGraph } from './graph-model';

type Fields = Record<string, unknown>;

/**
 * Builds the graph of a definition. It draws what is there: a definition
 * that does not validate still draws, with dangling transitions left out.
 */
export function buildGraph(definition: unknown, title?: string): WorkflowGraph {
  const builder = new GraphBuilder();
  const root = builder.scope(asFields(definition), 'root', title ?? 'workflow');
  // "end" is a keyword in Mermaid, hence the prefix.
  const startId = 'wf_start';
  const endId = 'wf_end';
  if (root.start) builder.edge(startId, root.start, 'start');
  for (const id of builder.terminals.get(root) ?? []) builder.edge(id, endId, 'end');
  return { ...(title === undefined ? {} : { title }), root, edges: builder.edges, startId, endId };
}

class GraphBuilder {
  readonly edges: GraphEdge[] = [];
  /** The states that end each scope, so the top level can link them to its end marker. */
  readonly terminals = new Map<GraphScope, string[]>();
  #count = 0;

  scope(machine: Fields, id: string, label: string): GraphScope {
    const states = asFields(machine.States);
    const ids = new Map(Object.keys(states).map((name) => [name, `s${++this.#count}`]));
    const items = Object.entries(states).map(([name, state]) =>
      this.item(name, asFields(state), ids.get(name)!),
    );
    const start = typeof machine.StartAt === 'string' ? ids.get(machine.StartAt) : undefined;
    const scope: GraphScope = { id, label, items, ...(start === undefined ? {} : { start }) };
    const terminals: string[] = [];
    for (const [name, state] of Object.entries(states)) {
      const from = ids.get(name)!;
      const fields = asFields(state);
      if (this.#transitions(from, fields, ids)) terminals.push(from);
    }
    this.terminals.set(scope, terminals);
    return scope;
  }

  edge(from: string, to: string, kind: EdgeKind, label?: string): void {
    this.edges.push({ index: this.edges.length, from, to, kind, ...(label === undefined ? {} : { label }) });
  }

  item(name: string, state: Fields, id: string): GraphItem {
    const type = typeof state.Type === 'string' ? state.Type : '?';
    if (type === 'Parallel' || type === 'Map') {
      const machines =
        type === 'Parallel' ? asArray(state.Branches) : [state.ItemProcessor ?? state.Iterator];
      const scopes = machines.map((machine, index) =>
        this.scope(
          asFields(machine),
          `${id}_${index}`,
          type === 'Parallel' ? `Branch ${index + 1}` : 'Item processor',
        ),
      );
      return {
        kind: 'container',
        id,
        name,
        type,
        scopes,
        entry: entryOf(scopes[0]),
        exit: this.#exitOf(scopes[0]),
      };
    }
    return { kind: 'state', id, name, type };
  }

  /** Adds the edges leaving a state; answers whether the state ends its scope. */
  #transitions(from: string, state: Fields, ids: ReadonlyMap<string, string>): boolean {
    const link = (target: unknown, kind: EdgeKind, label?: string) => {
      const to = typeof target === 'string' ? ids.get(target) : undefined;
      if (to !== undefined) this.edge(from, to, kind, label);
    };
    for (const rule of asArray(state.Choices)) link(asFields(rule).Next, 'choice', choiceLabel(rule));
    link(state.Default, 'default', 'Default');
    link(state.Next, 'next');
    for (const catcher of asArray(state.Catch)) {
      const fields = asFields(catcher);
      link(fields.Next, 'catch', asArray(fields.ErrorEquals).join(', ') || 'catch');
    }
    return state.End === true || state.Type === 'Succeed' || state.Type === 'Fail';
  }

  #exitOf(scope: GraphScope | undefined): string {
    if (!scope) return '';
    const last = this.terminals.get(scope)?.at(-1) ?? scope.items.at(-1)?.id;
    const item = scope.items.find((candidate) => candidate.id === last);
    if (!item) return emptyScopeNodeId(scope);
    return item.kind === 'container' ? item.exit : item.id;
  }
}

function entryOf(scope: GraphScope | undefined): string {
  if (!scope) return '';
  const item = scope.items.find((candidate) => candidate.id === scope.start) ?? scope.items[0];
  if (!item) return emptyScopeNodeId(scope);
  return item.kind === 'container' ? item.entry : item.id;
}

/** A scope without states still needs a node to draw, so that edges into its container have somewhere to land. */
export function emptyScopeNodeId(scope: GraphScope): string {
  return `${scope.id}_empty`;
}

function asFields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
