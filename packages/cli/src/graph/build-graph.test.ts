import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { nestedDefinition, orderDefinition } from './test-workflows';

describe('buildGraph', () => {
  it('makes a node per state and an edge per transition, with Start and End markers', () => {
    const graph = buildGraph(orderDefinition);
    expect(graph.root.items.map((item) => [item.id, item.name, item.type])).toEqual([
      ['s1', 'Validate Order', 'Task'],
      ['s2', 'Check Inventory', 'Choice'],
      ['s3', 'OutOfStock', 'Task'],
      ['s4', 'Process Payment', 'Task'],
      ['s5', 'Ship Order', 'Task'],
    ]);
    expect(graph.edges.map(({ from, to, kind, label }) => ({ from, to, kind, label }))).toEqual([
      { from: 's1', to: 's2', kind: 'next', label: undefined },
      { from: 's2', to: 's4', kind: 'choice', label: '$.inStock == true' },
      { from: 's2', to: 's3', kind: 'default', label: 'Default' },
      { from: 's4', to: 's5', kind: 'next', label: undefined },
      { from: 'wf_start', to: 's1', kind: 'start', label: undefined },
      { from: 's3', to: 'wf_end', kind: 'end', label: undefined },
      { from: 's5', to: 'wf_end', kind: 'end', label: undefined },
    ]);
  });

  it('nests Parallel branches and the Map item processor as scopes of a container', () => {
    const graph = buildGraph(nestedDefinition);
    const [fanOut, eachItem] = graph.root.items;
    expect(fanOut).toMatchObject({ kind: 'container', type: 'Parallel', entry: 's4', exit: 's4' });
    expect(
      fanOut?.kind === 'container' && fanOut.scopes.map((scope) => [scope.label, scope.items[0]?.name]),
    ).toEqual([
      ['Branch 1', 'Left'],
      ['Branch 2', 'Right'],
    ]);
    expect(eachItem).toMatchObject({ kind: 'container', type: 'Map', scopes: [{ label: 'Item processor' }] });
  });

  it('labels a Catch edge with the errors it catches', () => {
    const graph = buildGraph(nestedDefinition);
    expect(graph.edges).toContainEqual(expect.objectContaining({ kind: 'catch', label: 'States.ALL' }));
  });

  it('draws an invalid definition as far as it goes', () => {
    const graph = buildGraph({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
    expect(graph.edges.map((edge) => edge.kind)).toEqual(['start']);
    expect(buildGraph('not a definition').root.items).toEqual([]);
  });
});
