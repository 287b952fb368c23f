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

/** The target a transition to this graph's head really means (a `goto` stands for its target). */
function resolve(node: StateNode): StateNode {
  return node.target ?? node;
}

/** One scope (the workflow, a Parallel branch or a Map processor) as `{ StartAt, States }`. */
export function emitScope(
  graph: Graph,
  session: CompileSession,
): { StartAt: string; States: Record<string, JsonValue> } {
  const members = graph.nodes.filter((node) => !node.target);
  for (const node of members) register(node, session);
  const inScope = new Set(members);
  const nameOf = (from: StateNode, to: StateNode): string => {
    const target = resolve(to);
    if (!inScope.has(target)) throw new UnknownStateError(target.name, from.name);
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
    if (language !== session.workflowLanguage) state.QueryLanguage = language;
    Object.assign(state, node.emit(context));
    if (node.retry.length > 0) state.Retry = emitRetry(node.retry);
    if (node.catchers.length > 0) state.Catch = emitCatch(node.catchers, context);
    const next = graph.links.get(node);
    if (next) state.Next = nameOf(node, next);
    else if (!node.terminal) state.End = true;
    states[node.name] = state;
  }
  return { StartAt: nameOf(graph.head, graph.head), States: states };
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
