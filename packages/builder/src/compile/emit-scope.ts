import type { Graph } from '../chain/graph';
import type { EmitContext, StateNode } from '../chain/state-node';
import {
  DanglingBranchError,
  DuplicateStateNameError,
  QueryLanguageMixError,
  UnknownStateError,
} from '../errors';
import { emitCatch, emitRetry } from '../states/retry-catch';
import type { JsonValue, QueryLanguage } from '../types/json';

/** Shared across the scopes of one workflow: state names are unique in the whole definition. */
export interface CompileSession {
  readonly workflowLanguage: QueryLanguage;
  readonly names: Map<string, StateNode>;
  readonly schemas: Map<string, NonNullable<StateNode['schemas']>>;
}

/** One scope (the workflow, a Parallel branch or a Map processor) as `{ StartAt, States }`. */
export function emitScope(
  graph: Graph,
  session: CompileSession,
): { StartAt: string; States: Record<string, JsonValue> } {
  const members = graph.nodes.filter((node) => node.target === undefined);
  for (const node of members) register(node, session);
  const byName = new Map(members.map((node) => [node.name, node]));
  // A goto stands for its target; a goto by name for the state of that name in this scope.
  const nameOf = (from: StateNode, to: StateNode): string => {
    const target = typeof to.target === 'string' ? byName.get(to.target) : (to.target ?? to);
    if (!target || byName.get(target.name) !== target) throw new UnknownStateError(to.name, from.name);
    return target.name;
  };

  const ordered = [...members].sort((a, b) => a.index - b.index);
  const states: Record<string, JsonValue> = {};
  for (const node of ordered) {
    const language = node.language ?? session.workflowLanguage;
    if (session.workflowLanguage === 'JSONata' && language === 'JSONPath')
      throw new QueryLanguageMixError(node.name);
    const context: EmitContext = {
      language,
      workflowLanguage: session.workflowLanguage,
      nameOf: (branch) => nameOf(node, branch.head),
      scope: (branch) => emitScope(branch, session),
    };
    const state: Record<string, JsonValue> = { Type: node.type };
    if (language !== session.workflowLanguage || node.writeLanguage) state.QueryLanguage = language;
    Object.assign(state, node.emit(context));
    if (node.retry.length > 0) state.Retry = [...written(state, 'Retry'), ...emitRetry(node.retry)];
    if (node.catchers.length > 0)
      state.Catch = [...written(state, 'Catch'), ...emitCatch(node.catchers, context)];
    const next = graph.links.get(node);
    if (next) state.Next = nameOf(node, next);
    else if (!node.terminal) state.End = true;
    // A state may be named "__proto__": assigning it would set the object's prototype instead.
    Object.defineProperty(states, node.name, {
      value: state,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { StartAt: nameOf(graph.head, graph.head), States: states };
}

/** Retriers or catchers a raw state wrote in its ASL, which come before those added with methods. */
function written(state: Record<string, JsonValue>, field: 'Retry' | 'Catch'): readonly JsonValue[] {
  const value = state[field];
  return Array.isArray(value) ? value : [];
}

function register(node: StateNode, session: CompileSession): void {
  const existing = session.names.get(node.name);
  if (existing && existing !== node) throw new DuplicateStateNameError(node.name);
  session.names.set(node.name, node);
  if (node.schemas && (node.schemas.input !== undefined || node.schemas.result !== undefined)) {
    session.schemas.set(node.name, node.schemas);
  }
}

export function requireGraph(graph: Graph | undefined, owner: string): Graph {
  if (!graph) throw new DanglingBranchError(owner, 'has no states');
  return graph;
}
