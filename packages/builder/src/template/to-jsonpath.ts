import { UnsupportedExpressionError } from '../errors';
import { isIntrinsicCall, renderIntrinsic } from '../intrinsics/intrinsic-call';
import { isJsonataExpression } from '../jsonata/expression';
import { looksLikePath, parsePathString } from '../refs/parse-path';
import { FORBIDDEN_SEGMENTS } from '../refs/path-record';
import { recordOf } from '../refs/recorder';
import { type JsonPathDataRoot, toJsonPath } from '../refs/render-path';
import type { JsonValue } from '../types/json';

/** A selector's result as a single JSONPath (InputPath, ItemsPath, Choice `Variable`...). */
export function toPathField(value: unknown, dataRoot: JsonPathDataRoot, field: string): string {
  const record = recordOf(value);
  if (!record) {
    throw new UnsupportedExpressionError(`${field} must select a field of the data, e.g. (s) => s.order.id.`);
  }
  return toJsonPath(record, dataRoot);
}

/**
 * A template's result as a JSONPath payload template: references become
 * `"key.$": "$.path"`, intrinsic calls `"key.$": "States.Format(...)"`.
 */
export function toPayloadTemplate(value: unknown, dataRoot: JsonPathDataRoot, field: string): JsonValue {
  if (recordOf(value) || isIntrinsicCall(value) || !isPlainObject(value)) {
    throw new UnsupportedExpressionError(`${field} must build an object, e.g. (s) => ({ id: s.order.id }).`);
  }
  return convertObject(value, dataRoot, field);
}

function convertObject(value: Record<string, unknown>, dataRoot: JsonPathDataRoot, field: string) {
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.endsWith('.$') && typeof item === 'string' && !FORBIDDEN_SEGMENTS.has(key.slice(0, -2))) {
      out[key] = pathTemplateValue(item, dataRoot);
      continue;
    }
    if (FORBIDDEN_SEGMENTS.has(key) || key.endsWith('.$')) {
      throw new UnsupportedExpressionError(`${field} cannot use the key "${key}".`);
    }
    const record = recordOf(item);
    if (record) out[`${key}.$`] = toJsonPath(record, dataRoot);
    else if (isIntrinsicCall(item)) out[`${key}.$`] = renderIntrinsic(item, dataRoot);
    else if (item !== undefined) out[key] = convertValue(item, dataRoot, `${field}.${key}`);
  }
  return out;
}

function convertValue(value: unknown, dataRoot: JsonPathDataRoot, field: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new UnsupportedExpressionError(`${field} is not a finite number.`);
  }
  if (recordOf(value) || isIntrinsicCall(value)) {
    // ASL has no way to put a path directly in an array element.
    throw new UnsupportedExpressionError(
      `${field} puts a reference inside an array; use States.Array(...) to build arrays from data.`,
    );
  }
  if (isJsonataExpression(value)) {
    throw new UnsupportedExpressionError(`${field} is a JSONata expression in a JSONPath state.`);
  }
  if (Array.isArray(value)) return value.map((item, i) => convertValue(item, dataRoot, `${field}[${i}]`));
  if (isPlainObject(value)) return convertObject(value, dataRoot, field);
  throw new UnsupportedExpressionError(`${field} holds a ${typeof value}, which is not JSON.`);
}

/** A `"key.$"` value written by hand: a read path (checked and normalised) or an intrinsic call. */
function pathTemplateValue(text: string, dataRoot: JsonPathDataRoot): string {
  return looksLikePath(text) ? toJsonPath(parsePathString(text, dataRoot), dataRoot) : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
