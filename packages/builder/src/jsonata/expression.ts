import { UnsupportedExpressionError } from '../errors';

const JSONATA = Symbol('stepwise.jsonata');

/**
 * A JSONata expression written by hand, typed by what it evaluates to.
 * Stepwise cannot infer that type from the text, so it is declared (or
 * `unknown`), and it is checked where the value is used.
 */
export interface JsonataExpression<T = unknown> {
  readonly [JSONATA]: true;
  readonly source: string;
  /** Carries `T`; never present at run time. */
  readonly __type?: T;
}

const WRAPPED = /^\{%[\s\S]*%\}$/;

/** `jsonata<number>('{% $sum($states.input.items.price) %}')`; the braces may be omitted. */
export function jsonata<T = unknown>(source: string): JsonataExpression<T> {
  const text = source.trim();
  const wrapped = WRAPPED.test(text) ? text : `{% ${text} %}`;
  if (wrapped.slice(2, -2).trim() === '') {
    throw new UnsupportedExpressionError('A JSONata expression cannot be empty.');
  }
  return { [JSONATA]: true, source: wrapped };
}

export function isJsonataExpression(value: unknown): value is JsonataExpression {
  return typeof value === 'object' && value !== null && JSONATA in value;
}

/** The body of an expression, without the `{% %}` delimiters. */
export function jsonataBody(expression: JsonataExpression): string {
  return expression.source.slice(2, -2).trim();
}

/**
 * A JSONata expression used as one value inside an object, typed as the value
 * it produces: `output: () => ({ total: jsonataValue<number>('$sum(...)') })`.
 */
export function jsonataValue<T = unknown>(source: string): T {
  return jsonata<T>(source) as unknown as T;
}
