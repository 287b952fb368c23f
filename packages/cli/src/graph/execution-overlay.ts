import type { ExecutionOverlay, GraphItem, GraphScope, WorkflowGraph } from './graph-model';

/** The fields of an AWS-style history event this module reads; everything else is ignored. */
export interface HistoryEventLike {
  id: number;
  previousEventId?: number;
  type: string;
  /** The corpus's compact form puts the state name here. */
  name?: string;
  stateEnteredEventDetails?: { name?: string };
  stateExitedEventDetails?: { name?: string };
}

/**
 * Reads the path an execution took from its history: the states entered,
 * the transitions between them (a StateEntered event's previousEventId
 * chain leads back to the state it came from), and the state that failed.
 */
export function executionOverlay(
  graph: WorkflowGraph,
  history: readonly HistoryEventLike[],
): ExecutionOverlay {
  const idsByName = new Map<string, string[]>();
  collectIds(graph.root, idsByName);
  const byId = new Map(history.map((event) => [event.id, event]));
  const visited = new Set<string>();
  const open: string[] = [];
  const transitions = new Set<string>();
  let succeeded = false;
  let failed = false;
  for (const event of history) {
    const name = stateNameOf(event);
    if (event.type.endsWith('StateEntered') && name !== undefined) {
      for (const id of idsByName.get(name) ?? []) visited.add(id);
      open.push(name);
      const previous = previousState(event, byId);
      transitions.add(previous === undefined ? `\u0000start\u0000${name}` : `${previous}\u0000${name}`);
    } else if (event.type.endsWith('StateExited') && name !== undefined) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.splice(at, 1);
    } else if (event.type === 'ExecutionSucceeded') succeeded = true;
    else if (/^Execution(Failed|TimedOut|Aborted)$/.test(event.type)) failed = true;
  }
  const failedIds = new Set(failed ? (idsByName.get(open.at(-1) ?? '') ?? []) : []);
  const nameById = new Map([...idsByName].flatMap(([name, ids]) => ids.map((id) => [id, name] as const)));
  const takenEdges = new Set<number>();
  for (const edge of graph.edges) {
    const from = edge.from === graph.startId ? '\u0000start' : nameById.get(edge.from);
    const to = nameById.get(edge.to);
    if (from !== undefined && to !== undefined && transitions.has(`${from}\u0000${to}`))
      takenEdges.add(edge.index);
    if (edge.to === graph.endId && succeeded && from !== undefined && visited.has(edge.from))
      takenEdges.add(edge.index);
  }
  if (succeeded) visited.add(graph.endId);
  visited.add(graph.startId);
  return { visited, failed: failedIds, takenEdges };
}

function stateNameOf(event: HistoryEventLike): string | undefined {
  return event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name ?? event.name;
}

/** Follows previousEventId back to the last state event before this one: the state it came from. */
function previousState(
  event: HistoryEventLike,
  byId: ReadonlyMap<number, HistoryEventLike>,
): string | undefined {
  let current = event.previousEventId === undefined ? undefined : byId.get(event.previousEventId);
  for (let steps = 0; current && steps < 10_000; steps++) {
    if (current.type.endsWith('StateExited') || current.type.endsWith('StateEntered'))
      return stateNameOf(current);
    if (
      current.type === 'ExecutionStarted' ||
      current.type.endsWith('IterationStarted') ||
      current.type.endsWith('StateStarted')
    ) {
      return undefined;
    }
    current = current.previousEventId === undefined ? undefined : byId.get(current.previousEventId);
  }
  return undefined;
}

function collectIds(scope: GraphScope, into: Map<string, string[]>): void {
  for (const item of scope.items as GraphItem[]) {
    into.set(item.name, [...(into.get(item.name) ?? []), item.id]);
    if (item.kind === 'container') for (const inner of item.scopes) collectIds(inner, into);
  }
}
