import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { renderDot } from './render-dot';
import { nestedDefinition, orderDefinition } from './test-workflows';

describe('renderDot', () => {
  it('labels Choice rules and the Default edge', () => {
    const dot = renderDot(buildGraph(orderDefinition));
    expect(dot).toContain('s2 -> s4 [label="$.inStock == true"];');
    expect(dot).toContain('s2 -> s3 [label="Default"];');
    expect(dot).toContain('s2 [label="Check Inventory", shape=diamond, style="filled"];');
  });

  it('draws containers as clusters and clips edges at their border', () => {
    const dot = renderDot(buildGraph(nestedDefinition));
    expect(dot).toContain('subgraph cluster_s1 {');
    expect(dot).toContain('subgraph cluster_s1_1 {');
    expect(dot).toContain('wf_start -> s4 [lhead=cluster_s1];');
    expect(dot).toContain('s4 -> s6 [ltail=cluster_s1, lhead=cluster_s2];');
  });

  it('draws Catch edges dashed', () => {
    expect(renderDot(buildGraph(nestedDefinition))).toMatch(
      /s4 -> s3 \[ltail=cluster_s1, label="States.ALL", style=dashed/,
    );
  });

  it('fills the visited and failed states and thickens the edges taken', () => {
    const overlay = { visited: new Set(['s1', 's2']), failed: new Set(['s2']), takenEdges: new Set([0]) };
    const dot = renderDot(buildGraph(orderDefinition), overlay);
    expect(dot).toContain('s1 [label="Validate Order", fillcolor="#dcfce7", color="#16a34a", penwidth=2];');
    expect(dot).toContain('fillcolor="#fee2e2", color="#dc2626"');
    expect(dot).toContain('s1 -> s2 [color="#16a34a", penwidth=2.5];');
  });
});
