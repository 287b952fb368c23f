import type { FilterExpression, FilterOperand, JsonPath, PathRoot, PathSegment, PathSelector } from './ast';

/**
 * Writes a path in the normalised bracket form AWS uses in its error
 * messages, e.g. `$['NoSuchInputPath']` or `$$['Execution']['Id']`.
 */
export function formatPath(path: JsonPath): string {
  return formatRoot(path.root) + formatSegments(path.segments);
}

function formatRoot(root: PathRoot): string {
  if (root.kind === 'input') return '$';
  if (root.kind === 'context') return '$$';
  return `$${root.name}`;
}

function formatSegments(segments: readonly PathSegment[]): string {
  return segments.map(formatSegment).join('');
}

function formatSegment(segment: PathSegment): string {
  return segment.kind === 'descendant' ? `..${formatSelector(segment.selector)}` : formatSelector(segment);
}

function formatSelector(selector: PathSelector): string {
  switch (selector.kind) {
    case 'property':
      return `[${quote(selector.name)}]`;
    case 'index':
      return `[${selector.index}]`;
    case 'wildcard':
      return '[*]';
    case 'union':
      return 'names' in selector
        ? `[${selector.names.map(quote).join(',')}]`
        : `[${selector.indices.join(',')}]`;
    case 'slice':
      return `[${selector.start ?? ''}:${selector.end ?? ''}${selector.step === null ? '' : `:${selector.step}`}]`;
    case 'filter':
      return `[?(${formatExpression(selector.expression)})]`;
  }
}

function formatExpression(expression: FilterExpression): string {
  switch (expression.kind) {
    case 'or':
      return `(${formatExpression(expression.left)} || ${formatExpression(expression.right)})`;
    case 'and':
      return `(${formatExpression(expression.left)} && ${formatExpression(expression.right)})`;
    case 'not':
      return `!${formatExpression(expression.operand)}`;
    case 'test':
      return formatOperand(expression.operand);
    case 'compare':
      return `${formatOperand(expression.left)} ${expression.operator} ${formatOperand(expression.right)}`;
  }
}

function formatOperand(operand: FilterOperand): string {
  if (operand.kind === 'path')
    return (operand.from === 'current' ? '@' : '$') + formatSegments(operand.segments);
  return typeof operand.value === 'string' ? quote(operand.value) : String(operand.value);
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
