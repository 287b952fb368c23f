import jsonata from 'jsonata';
import { installEvaluationGuard } from './evaluation-guard';
import { InvalidJsonataError } from './jsonata-errors';
import { LinearRegExp } from './linear-regexp';
import { refuseUnsafeNames } from './refuse-unsafe-names';

/** A compiled `{% ... %}` expression, ready to evaluate any number of times. */
export interface CompiledJsonata {
  /** The expression text between the delimiters, trimmed, as AWS quotes it in messages. */
  readonly source: string;
  readonly expression: jsonata.Expression;
}

/** Whether a value is a JSONata expression string: it starts with `{%` and ends with `%}`. */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/**
 * The text between `{%` and `%}`, trimmed, as AWS quotes an expression in its messages (a text
 * without the delimiters is only trimmed). No pattern is used: one anchored at the end with a
 * leading `\s*` is quadratic in a long run of spaces.
 */
export function jsonataBody(text: string): string {
  return (isJsonataExpression(text) ? text.slice(2, -2) : text).trim();
}

interface JsonataSyntaxError {
  readonly code?: unknown;
  readonly position?: unknown;
  readonly message?: unknown;
}

/** Strips the delimiters and compiles; throws `InvalidJsonataError` saying where and why. */
export function parseJsonataExpression(source: string): CompiledJsonata {
  if (!isJsonataExpression(source)) {
    throw new InvalidJsonataError(`A JSONata expression must be written as {% expression %}: ${source}`, {
      expression: source,
    });
  }
  const inner = source.slice(2, -2);
  const trimmed = jsonataBody(source);
  let expression: jsonata.Expression;
  try {
    expression = jsonata(inner, { RegexEngine: LinearRegExp as unknown as RegExpConstructor });
  } catch (error) {
    const { code, position, message } = (error ?? {}) as JsonataSyntaxError;
    const at = typeof position === 'number' ? position : undefined;
    const jsonataCode = typeof code === 'string' ? code : undefined;
    throw new InvalidJsonataError(
      `Invalid JSONata expression '${trimmed}': ${String(message ?? error)}${at === undefined ? '' : ` (position ${at})`}`,
      { expression: trimmed, position: at, jsonataCode },
      { cause: error },
    );
  }
  refuseUnsafeNames(expression.ast(), trimmed);
  installEvaluationGuard(expression);
  return { source: trimmed, expression };
}
