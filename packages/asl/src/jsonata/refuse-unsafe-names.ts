import { InvalidJsonataError } from './jsonata-errors';
import { hasNestedRepetition } from './nested-repetition';

/** Names that would reach JavaScript internals rather than data. */
const UNSAFE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface AstNode {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly position?: unknown;
}

/**
 * Walks a compiled expression and refuses field names and string keys that address JavaScript
 * internals, regular expressions with nested repetitions (see hasNestedRepetition), and
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
  if (type === 'regex' && value instanceof RegExp && hasNestedRepetition(value.source)) {
    throw new InvalidJsonataError(
      `The regular expression /${value.source}/ repeats a group that holds a repetition, which can take exponential time: it is not allowed in a JSONata expression`,
      { expression, position },
    );
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
