import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { executionOverlay } from './execution-overlay';
import { orderDefinition } from './test-workflows';

const entered = (id: number, previousEventId: number, name: string, type = 'TaskStateEntered') => ({
  id,
  previousEventId,
  type,
  stateEnteredEventDetails: { name },
});
const exited = (id: number, previousEventId: number, name: string, type = 'TaskStateExited') => ({
  id,
  previousEventId,
  type,
  stateExitedEventDetails: { name },
});

describe('executionOverlay', () => {
  const graph = buildGraph(orderDefinition);

  it('marks the states entered and the transitions taken of a successful run', () => {
    const history = [
      { id: 1, previousEventId: 0, type: 'ExecutionStarted' },
      entered(2, 0, 'Validate Order'),
      exited(3, 2, 'Validate Order'),
      entered(4, 3, 'Check Inventory', 'ChoiceStateEntered'),
      exited(5, 4, 'Check Inventory', 'ChoiceStateExited'),
      entered(6, 5, 'OutOfStock'),
      exited(7, 6, 'OutOfStock'),
      { id: 8, previousEventId: 7, type: 'ExecutionSucceeded' },
    ];
    const overlay = executionOverlay(graph, history);
    expect([...overlay.visited].sort()).toEqual(['s1', 's2', 's3', 'wf_end', 'wf_start']);
    expect(overlay.failed.size).toBe(0);
    const taken = graph.edges
      .filter((edge) => overlay.takenEdges.has(edge.index))
      .map((edge) => `${edge.from}>${edge.to}`);
    expect(taken).toEqual(['s1>s2', 's2>s3', 'wf_start>s1', 's3>wf_end']);
  });

  it('marks the state that was running when the execution failed', () => {
    const history = [
      { id: 1, previousEventId: 0, type: 'ExecutionStarted' },
      { id: 2, previousEventId: 0, type: 'TaskStateEntered', name: 'Validate Order' },
      { id: 3, previousEventId: 2, type: 'TaskFailed' },
      { id: 4, previousEventId: 3, type: 'ExecutionFailed' },
    ];
    const overlay = executionOverlay(graph, history);
    expect([...overlay.failed]).toEqual(['s1']);
    expect(overlay.visited.has('wf_end')).toBe(false);
  });
});
