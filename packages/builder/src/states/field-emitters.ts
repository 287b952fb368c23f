import { QueryLanguageMixError, UnsupportedExpressionError } from '../errors';
import { isJsonataExpression } from '../jsonata/expression';
import { looksLikePath, parsePathString } from '../refs/parse-path';
import { toJsonataPath, toJsonPath } from '../refs/render-path';
import { type DataRole, invokeSelector } from '../template/invoke';
import { toJsonataValue } from '../template/to-jsonata';
import { toPathField, toPayloadTemplate } from '../template/to-jsonpath';
import type { JsonValue, QueryLanguage } from '../types/json';

type Fn = (...args: never[]) => unknown;

/** Fields only a JSONPath state has, and fields only a JSONata state has. */
const JSONPATH_ONLY = ['inputPath', 'parameters', 'resultSelector', 'resultPath', 'outputPath', 'itemsPath'];
/** `null` is a value for these (discard), so they count as given when null. */
const NULLABLE = new Set(['inputPath', 'outputPath', 'resultPath']);
const JSONATA_ONLY = ['arguments', 'output', 'items'];

/**
 * The language a state insists on: the one it names, or the one its fields
 * belong to. A state that uses neither kind of field adapts to its workflow.
 */
export function languageOf(name: string, config: Record<string, unknown>): QueryLanguage | undefined {
  const declared = config.queryLanguage as QueryLanguage | undefined;
  const usesPath = JSONPATH_ONLY.some(
    (key) => config[key] !== undefined && (config[key] !== null || NULLABLE.has(key)),
  );
  const usesJsonata = JSONATA_ONLY.some((key) => config[key] !== undefined);
  if (usesPath && usesJsonata) {
    throw new UnsupportedExpressionError(`State "${name}" mixes JSONPath fields and JSONata fields.`);
  }
  if (declared === 'JSONata' && usesPath) throw new QueryLanguageMixError(name);
  if (declared === 'JSONPath' && usesJsonata) {
    throw new UnsupportedExpressionError(`State "${name}" is declared JSONPath but uses JSONata fields.`);
  }
  return declared ?? (usesPath ? 'JSONPath' : usesJsonata ? 'JSONata' : undefined);
}

/** A path-valued field: `InputPath`-style in JSONPath, `{% ... %}` in JSONata. */
export function pathField(value: unknown, role: DataRole, field: string, language: QueryLanguage): JsonValue {
  if (isJsonataExpression(value)) {
    if (language !== 'JSONata')
      throw new UnsupportedExpressionError(`${field} is JSONata in a JSONPath state.`);
    return value.source;
  }
  if (typeof value === 'string') {
    // A path written as a string literal; its type was checked, its syntax is checked here.
    const record = parsePathString(value, role);
    return language === 'JSONata' ? `{% ${toJsonataPath(record)} %}` : toJsonPath(record, role);
  }
  const selected = invokeSelector(value as Fn, role);
  if (language === 'JSONata') return toJsonataValue(selected, field);
  return toPathField(selected, role, field);
}

/** InputPath or OutputPath: a path, or `null` to pass on `{}`. */
export function dataPathField(value: unknown, field: string, language: QueryLanguage): JsonValue {
  return value === null ? null : pathField(value, 'input', field, language);
}

/** A template-valued field: a payload template in JSONPath, a JSONata value in JSONata. */
export function templateField(
  value: unknown,
  role: DataRole,
  field: string,
  language: QueryLanguage,
): JsonValue {
  if (isJsonataExpression(value)) {
    if (language !== 'JSONata')
      throw new UnsupportedExpressionError(`${field} is JSONata in a JSONPath state.`);
    return value.source;
  }
  const built = typeof value === 'function' ? invokeSelector(value as Fn, role) : value;
  if (language === 'JSONata') return toJsonataValue(built, field, role);
  return toPayloadTemplate(built, role, field);
}

/**
 * A field that holds either a literal or data (`Seconds`/`SecondsPath`,
 * `TimeoutSeconds`/`TimeoutSecondsPath`...). Writes whichever key applies.
 */
export function literalOrPath(
  out: Record<string, JsonValue>,
  key: string,
  value: unknown,
  language: QueryLanguage,
): void {
  if (value === undefined) return;
  const isPath = typeof value === 'string' && looksLikePath(value);
  if (isPath || typeof value === 'function' || isJsonataExpression(value)) {
    const written = pathField(value, 'input', key, language);
    out[language === 'JSONata' ? key : `${key}Path`] = written;
  } else {
    out[key] = value as JsonValue;
  }
}

/** Copies the defined entries, in the order given. */
export function defined(entries: Record<string, JsonValue | undefined>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}
