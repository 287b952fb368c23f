import { UnsupportedExpressionError } from '../errors';
import { isIntrinsicCall } from '../intrinsics/intrinsic-call';
import { isJsonataExpression } from '../jsonata/expression';
import { looksLikePath, parsePathString } from '../refs/parse-path';
import { FORBIDDEN_SEGMENTS } from '../refs/path-record';
import { recordOf } from '../refs/recorder';
import { toJsonataPath } from '../refs/render-path';
import type { JsonValue } from '../types/json';
import type { DataRole } from './invoke';
import { isPlainObject } from './to-jsonpath';

const LOOKS_LIKE_EXPRESSION = /^\{%[\s\S]*%\}$/;

/**
 * A selector's or template's result as a JSONata field value: references
 * become `"{% $states.input.path %}"`, objects and arrays keep their shape.
 */
export function toJsonataValue(value: unknown, field: string, role: DataRole = 'input'): JsonValue {
  const record = recordOf(value);
  if (record) return `{% ${toJsonataPath(record)} %}`;
  if (isJsonataExpression(value)) return value.source;
  if (isIntrinsicCall(value)) {
    throw new UnsupportedExpressionError(
      `${field} uses ${value.name}, an intrinsic function of JSONPath; JSONata states use JSONata functions.`,
    );
  }
  if (typeof value === 'string') {
    // A literal that happens to look like an expression must stay a literal.
    return LOOKS_LIKE_EXPRESSION.test(value) ? `{% ${JSON.stringify(value)} %}` : value;
  }
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new UnsupportedExpressionError(`${field} is not a finite number.`);
  }
  if (Array.isArray(value)) return value.map((item, i) => toJsonataValue(item, `${field}[${i}]`, role));
  if (isPlainObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.endsWith('.$') && typeof item === 'string' && looksLikePath(item)) {
        // A JSONPath-style `"key.$": "$.path"` entry becomes the JSONata reference to the same data.
        out[key.slice(0, -2)] = `{% ${toJsonataPath(parsePathString(item, role))} %}`;
        continue;
      }
      if (FORBIDDEN_SEGMENTS.has(key))
        throw new UnsupportedExpressionError(`${field} cannot use the key "${key}".`);
      if (item !== undefined) out[key] = toJsonataValue(item, `${field}.${key}`, role);
    }
    return out;
  }
  throw new UnsupportedExpressionError(`${field} holds a ${typeof value}, which is not JSON.`);
}
