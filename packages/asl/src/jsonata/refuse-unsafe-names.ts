import { InvalidJsonataError } from './jsonata-errors';
import { linearRegexProblem } from './linear-regexp';

/** Names that would reach JavaScript internals rather than data. */
const UNSAFE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface AstNode {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly position?: unknown;
}

/**
 * Walks a compiled expression and refuses field names and string keys that address JavaScript
 * internals, regular expressions the linear-time engine cannot match (see LinearRegExp), and
 * variables starting with `__`, which are reserved for the evaluator's own
 * bookkeeping. jsonata only reads own properties, so this is defence in depth; object
 * constructors and transforms would otherwise assign such keys.
 */
export function refuseUnsafeNames(ast: unknown, expression: string): void {
  const seen = new WeakSet<object>();
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    check(node as AstNode, expression);
    for (const child of Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

function check(node: AstNode, expression: string): void {
  const { type, value } = node;
  const position = typeof node.position === 'number' ? node.position : undefined;
  if (type === 'regex' && value instanceof RegExp) {
    const problem = linearRegexProblem(value.source, value.flags);
    if (problem !== undefined) {
      throw new InvalidJsonataError(
        `The regular expression /${value.source}/ cannot be matched in linear time (${problem}): backreferences and lookaround are not allowed in a JSONata expression`,
        { expression, position },
      );
    }
  }
  if (typeof value !== 'string') return;
  if ((type === 'name' || type === 'string') && UNSAFE_NAMES.has(value)) {
    throw new InvalidJsonataError(`The name '${value}' is not allowed in a JSONata expression`, {
      expression,
      position,
    });
  }
  if (type === 'variable' && value.startsWith('__')) {
    throw new InvalidJsonataError(`Variables starting with '__' are reserved: $${value}`, {
      expression,
      position,
    });
  }
}
