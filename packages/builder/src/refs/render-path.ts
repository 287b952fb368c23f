import { InvalidPathStringError, UnsupportedExpressionError } from '../errors';
import type { PathRecord } from './path-record';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Which data `$` stands for in the JSONPath field being written. */
export type JsonPathDataRoot = 'input' | 'result' | 'errorOutput';

/** A recorded reference as a JSONPath: `$.order.id`, `$$.Execution.Id`, `$total`. */
export function toJsonPath(record: PathRecord, dataRoot: JsonPathDataRoot = 'input'): string {
  const root = record.root;
  let head: string;
  switch (root.kind) {
    case 'context':
      head = '$$';
      break;
    case 'variable':
      head = `$${variableName(root.name)}`;
      break;
    default:
      if (root.kind !== dataRoot) {
        throw new UnsupportedExpressionError(
          `This JSONPath field reads the state ${dataRoot}; it cannot also reference the ${root.kind}.`,
        );
      }
      head = '$';
  }
  return head + record.segments.map(jsonPathSegment).join('');
}

function jsonPathSegment(segment: string | number): string {
  if (typeof segment === 'number') return `[${segment}]`;
  if (IDENTIFIER.test(segment)) return `.${segment}`;
  return `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** A recorded reference as a JSONata expression body: `$states.input.order.id`, `$total`. */
export function toJsonataPath(record: PathRecord): string {
  const root = record.root;
  const head =
    root.kind === 'variable'
      ? `$${variableName(root.name)}`
      : root.kind === 'context'
        ? '$states.context'
        : `$states.${root.kind}`;
  return head + record.segments.map(jsonataSegment).join('');
}

function jsonataSegment(segment: string | number): string {
  if (typeof segment === 'number') return `[${segment}]`;
  if (IDENTIFIER.test(segment)) return `.${segment}`;
  // JSONata has no escape inside backquoted names.
  if (segment.includes('`')) {
    throw new UnsupportedExpressionError(`The field name "${segment}" cannot be written in JSONata.`);
  }
  return `.\`${segment}\``;
}

function variableName(name: string): string {
  if (!IDENTIFIER.test(name) || name === 'states') {
    throw new InvalidPathStringError(`$${name}`, 'a variable name must be an identifier other than "states"');
  }
  return name;
}
