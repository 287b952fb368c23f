import { emptyScopeNodeId } from './build-graph';
import type { ExecutionOverlay, GraphEdge, GraphItem, GraphScope, WorkflowGraph } from './graph-model';
import { findItem } from './graph-model';
import { PALETTE } from './palette';

/**
 * Graphviz DOT. Containers are clusters; an edge into or out of a container
 * is drawn between nodes inside it and clipped at the cluster's border
 * (compound=true with lhead/ltail), which is how Graphviz links clusters.
 */
export function renderDot(graph: WorkflowGraph, overlay?: ExecutionOverlay): string {
  const style = new NodeStyle(overlay);
  const lines = [
    `digraph ${quote(graph.title ?? 'workflow')} {`,
    '  compound=true;',
    '  rankdir=TB;',
    '  node [fontname="Helvetica", fontsize=11, shape=box, style="rounded,filled", fillcolor="#ffffff"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    `  ${graph.startId} [label="Start", shape=circle, fillcolor="#e2e8f0"${style.of(graph.startId)}];`,
    `  ${graph.endId} [label="End", shape=doublecircle, fillcolor="#e2e8f0"${style.of(graph.endId)}];`,
    ...scopeLines(graph.root, '  ', style),
    ...graph.edges.map((edge) => `  ${edgeLine(graph, edge, overlay)}`),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

class NodeStyle {
  constructor(readonly overlay: ExecutionOverlay | undefined) {}

  of(id: string): string {
    if (this.overlay?.failed.has(id))
      return `, fillcolor="${PALETTE.failedFill}", color="${PALETTE.failedStroke}", penwidth=2`;
    if (this.overlay?.visited.has(id))
      return `, fillcolor="${PALETTE.visitedFill}", color="${PALETTE.visitedStroke}", penwidth=2`;
    return '';
  }
}

function scopeLines(scope: GraphScope, indent: string, style: NodeStyle): string[] {
  if (scope.items.length === 0) return [`${indent}${emptyScopeNodeId(scope)} [label="", shape=point];`];
  return scope.items.flatMap((item) => itemLines(item, indent, style));
}

function itemLines(item: GraphItem, indent: string, style: NodeStyle): string[] {
  if (item.kind === 'state')
    return [`${indent}${item.id} [label=${quote(item.name)}${shapeOf(item.type)}${style.of(item.id)}];`];
  const border = style.of(item.id).includes(PALETTE.failedStroke)
    ? PALETTE.failedStroke
    : PALETTE.containerStroke;
  const lines = [
    `${indent}subgraph cluster_${item.id} {`,
    `${indent}  label=${quote(`${item.name} (${item.type})`)};`,
    `${indent}  style="rounded"; color="${border}"; fontname="Helvetica"; fontsize=11;`,
  ];
  for (const scope of item.scopes) {
    lines.push(
      `${indent}  subgraph cluster_${scope.id} {`,
      `${indent}    label=${quote(scope.label)}; style="dashed";`,
    );
    lines.push(...scopeLines(scope, `${indent}    `, style), `${indent}  }`);
  }
  lines.push(`${indent}}`);
  return lines;
}

function shapeOf(type: string): string {
  switch (type) {
    case 'Choice':
      return ', shape=diamond, style="filled"';
    case 'Wait':
      return ', shape=hexagon, style="filled"';
    case 'Succeed':
      return ', shape=ellipse';
    case 'Fail':
      return ', shape=octagon';
    default:
      return '';
  }
}

function edgeLine(graph: WorkflowGraph, edge: GraphEdge, overlay: ExecutionOverlay | undefined): string {
  const attributes: string[] = [];
  const from = findItem(graph.root, edge.from);
  const to = findItem(graph.root, edge.to);
  const tail = from?.kind === 'container' ? from.exit : edge.from;
  const head = to?.kind === 'container' ? to.entry : edge.to;
  if (from?.kind === 'container') attributes.push(`ltail=cluster_${from.id}`);
  if (to?.kind === 'container') attributes.push(`lhead=cluster_${to.id}`);
  if (edge.label !== undefined) attributes.push(`label=${quote(edge.label)}`);
  if (edge.kind === 'catch')
    attributes.push('style=dashed', `color="${PALETTE.catchEdge}"`, `fontcolor="${PALETTE.catchEdge}"`);
  if (overlay?.takenEdges.has(edge.index)) attributes.push(`color="${PALETTE.takenEdge}"`, 'penwidth=2.5');
  return `${tail} -> ${head}${attributes.length > 0 ? ` [${attributes.join(', ')}]` : ''};`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
