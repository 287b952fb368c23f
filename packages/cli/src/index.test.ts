import { describe, expect, it } from 'vitest';
import * as cli from './index';

describe('the public API', () => {
  it('draws a definition without the command line', () => {
    const graph = cli.buildGraph({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, 'tiny');
    expect(cli.renderMermaid(graph)).toContain('s1(["A"])');
    expect(cli.renderDot(graph)).toContain('digraph "tiny" {');
  });

  it('exposes the exit codes the documentation lists', () => {
    expect(cli.ExitCode).toEqual({ Ok: 0, Finding: 1, Usage: 2 });
  });
});
