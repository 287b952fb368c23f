import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { renderMermaid } from './render-mermaid';
import { nestedDefinition, orderDefinition } from './test-workflows';

describe('renderMermaid', () => {
  it('draws the order workflow with the Choice rule and Default as edge labels', () => {
    expect(renderMermaid(buildGraph(orderDefinition))).toBe(
      [
        'flowchart TD',
        '  wf_start(("Start"))',
        '  wf_end(("End"))',
        '  s1["Validate Order"]',
        '  s2{"Check Inventory"}',
        '  s3["OutOfStock"]',
        '  s4["Process Payment"]',
        '  s5["Ship Order"]',
        '  s1 --> s2',
        '  s2 -->|"$.inStock == true"| s4',
        '  s2 -->|"Default"| s3',
        '  s4 --> s5',
        '  wf_start --> s1',
        '  s3 --> wf_end',
        '  s5 --> wf_end',
        '',
      ].join('\n'),
    );
  });

  it('draws Parallel branches as nested subgraphs and Catch edges dashed', () => {
    const text = renderMermaid(buildGraph(nestedDefinition));
    expect(text).toContain(
      '  subgraph s1 ["Fan out (Parallel)"]\n    direction TB\n    subgraph s1_0 ["Branch 1"]\n      s4("Left")\n    end',
    );
    expect(text).toContain('  subgraph s2 ["Each item (Map)"]');
    expect(text).toContain('  s1 -.->|"States.ALL"| s3');
  });

  it('escapes quotes and angle brackets in labels', () => {
    const text = renderMermaid(
      buildGraph({ StartAt: 'a "b" <c>', States: { 'a "b" <c>': { Type: 'Succeed' } } }),
    );
    expect(text).toContain('s1(["a #quot;b#quot; #lt;c#gt;"])');
  });

  it('colors the path taken and the failed state', () => {
    const overlay = {
      visited: new Set(['wf_start', 's1', 's2']),
      failed: new Set(['s2']),
      takenEdges: new Set([0, 4]),
    };
    const text = renderMermaid(buildGraph(orderDefinition), overlay);
    expect(text).toContain(
      '  class wf_start,s1 visited\n  class s2 failed\n  linkStyle 0,4 stroke:#16a34a,stroke-width:3px',
    );
  });
});
