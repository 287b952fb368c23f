import {
  evaluateJsonata,
  type JsonataBindings,
  type JsonataEvaluationOptions,
  undefinedResultMessage,
} from './evaluate-jsonata';
import { InvalidJsonataError, JsonataEvaluationError } from './jsonata-errors';
import { type CompiledJsonata, isJsonataExpression, parseJsonataExpression } from './jsonata-expression';

type TemplateNode =
  | { readonly kind: 'constant'; readonly value: unknown }
  | { readonly kind: 'expression'; readonly compiled: CompiledJsonata; readonly field: string }
  | { readonly kind: 'array'; readonly items: readonly TemplateNode[] }
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, TemplateNode]> };

export interface CompiledJsonataTemplate {
  /** Whether any `{% %}` expression occurs; when not, `evaluate` returns the value unchanged. */
  readonly hasExpressions: boolean;
  /** Builds the value. An expression yielding nothing fails, as it does on AWS. */
  evaluate(bindings: JsonataBindings, options?: JsonataEvaluationOptions): Promise<unknown>;
}

export interface JsonataTemplateOptions {
  /** Name of the field holding the value (`Output`, `Arguments`, ...), used in messages. */
  readonly field?: string;
  /** JSON pointer of the value within the definition, prefixed to error pointers. */
  readonly pointer?: string;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Compiles every `{% %}` string within a JSON value. Throws `InvalidJsonataError` whose `pointer`
 * locates the first bad expression.
 */
export function compileJsonataTemplate(
  value: unknown,
  options: JsonataTemplateOptions = {},
): CompiledJsonataTemplate {
  let hasExpressions = false;
  const compile = (node: unknown, pointer: string, field: string): TemplateNode => {
    if (isJsonataExpression(node)) {
      hasExpressions = true;
      try {
        return { kind: 'expression', compiled: parseJsonataExpression(node), field };
      } catch (error) {
        throw error instanceof InvalidJsonataError ? error.at(pointer) : error;
      }
    }
    const child = (key: string): [string, string] => [
      `${pointer}/${escapePointer(key)}`,
      field ? `${field}/${key}` : key,
    ];
    if (Array.isArray(node))
      return { kind: 'array', items: node.map((item, i) => compile(item, ...child(String(i)))) };
    if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node).map(([key, item]) => [key, compile(item, ...child(key))] as const);
      return { kind: 'object', entries };
    }
    return { kind: 'constant', value: node };
  };
  const root = compile(value, options.pointer ?? '', options.field ?? '');
  return {
    hasExpressions,
    evaluate: (bindings, evaluationOptions = {}) => build(root, bindings, evaluationOptions),
  };
}

/** Every invalid expression in a value, each located by its pointer, for validators. */
export function collectJsonataErrors(value: unknown, pointer = ''): InvalidJsonataError[] {
  if (isJsonataExpression(value)) {
    try {
      parseJsonataExpression(value);
      return [];
    } catch (error) {
      if (error instanceof InvalidJsonataError) return [error.at(pointer)];
      throw error;
    }
  }
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value)
    ? value.map((item, i) => [String(i), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => collectJsonataErrors(item, `${pointer}/${escapePointer(key)}`));
}

async function build(
  node: TemplateNode,
  bindings: JsonataBindings,
  options: JsonataEvaluationOptions,
): Promise<unknown> {
  switch (node.kind) {
    case 'constant':
      return node.value;
    case 'expression': {
      const result = await evaluateJsonata(node.compiled, bindings, { ...options, field: node.field });
      if (result === undefined) {
        throw new JsonataEvaluationError(undefinedResultMessage(node.compiled, node.field));
      }
      return result;
    }
    case 'array': {
      const items: unknown[] = [];
      for (const item of node.items) items.push(await build(item, bindings, options));
      return items;
    }
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, item] of node.entries) {
        Object.defineProperty(result, key, {
          value: await build(item, bindings, options),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
  }
}
