import { emptyScopeNodeId } from './build-graph';
import type { ExecutionOverlay, GraphEdge, GraphItem, GraphScope, WorkflowGraph } from './graph-model';
import { PALETTE } from './palette';

/** A Mermaid flowchart: containers become subgraphs, which edges can target directly. */
export function renderMermaid(graph: WorkflowGraph, overlay?: ExecutionOverlay): string {
  const lines = ['flowchart TD', `  ${graph.startId}(("Start"))`, `  ${graph.endId}(("End"))`];
  lines.push(...scopeLines(graph.root, '  '));
  lines.push(...graph.edges.map((edge) => `  ${edgeLine(edge)}`));
  if (overlay) lines.push(...overlayLines(graph, overlay));
  return `${lines.join('\n')}\n`;
}

function scopeLines(scope: GraphScope, indent: string): string[] {
  if (scope.items.length === 0) return [`${indent}${emptyScopeNodeId(scope)}[" "]`];
  return scope.items.flatMap((item) => itemLines(item, indent));
}

function itemLines(item: GraphItem, indent: string): string[] {
  if (item.kind === 'state') return [`${indent}${item.id}${shape(item.type, quote(item.name))}`];
  const lines = [
    `${indent}subgraph ${item.id} [${quote(`${item.name} (${item.type})`)}]`,
    `${indent}  direction TB`,
  ];
  for (const scope of item.scopes) {
    if (item.type === 'Map') lines.push(...scopeLines(scope, `${indent}  `));
    else {
      lines.push(`${indent}  subgraph ${scope.id} [${quote(scope.label)}]`);
      lines.push(...scopeLines(scope, `${indent}    `), `${indent}  end`);
    }
  }
  lines.push(`${indent}end`);
  return lines;
}

function shape(type: string, label: string): string {
  switch (type) {
    case 'Choice':
      return `{${label}}`;
    case 'Wait':
      return `{{${label}}}`;
    case 'Pass':
      return `(${label})`;
    case 'Succeed':
      return `([${label}])`;
    case 'Fail':
      return `[[${label}]]`;
    default:
      return `[${label}]`;
  }
}

function edgeLine(edge: GraphEdge): string {
  const label = edge.label === undefined ? '' : `|${quote(edge.label)}|`;
  const arrow = edge.kind === 'catch' ? '-.->' : '-->';
  return `${edge.from} ${arrow}${label} ${edge.to}`;
}

function overlayLines(graph: WorkflowGraph, overlay: ExecutionOverlay): string[] {
  const lines = [
    `  classDef visited fill:${PALETTE.visitedFill},stroke:${PALETTE.visitedStroke},stroke-width:2px`,
    `  classDef failed fill:${PALETTE.failedFill},stroke:${PALETTE.failedStroke},stroke-width:3px`,
  ];
  const visited = [...overlay.visited].filter((id) => !overlay.failed.has(id) && isNode(graph, id));
  if (visited.length > 0) lines.push(`  class ${visited.join(',')} visited`);
  if (overlay.failed.size > 0) lines.push(`  class ${[...overlay.failed].join(',')} failed`);
  if (overlay.takenEdges.size > 0) {
    lines.push(
      `  linkStyle ${[...overlay.takenEdges].join(',')} stroke:${PALETTE.takenEdge},stroke-width:3px`,
    );
  }
  return lines;
}

/** Mermaid styles nodes and subgraphs alike, but marker nodes and states all are nodes. */
function isNode(graph: WorkflowGraph, id: string): boolean {
  return id === graph.startId || id === graph.endId || /^s\d+$/.test(id);
}

/** Mermaid's quoted label, with its entity codes for the characters that would end or break it. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\n/g, ' ')}"`;
}
