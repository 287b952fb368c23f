import { pathToSelector, type SelectorNames } from './path-selector';
import { propertyKey, tsLiteral } from './ts-literal';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A JSONPath payload template as the object a builder selector returns:
 * `{"id.$": "$.order.id", "kind": "x"}` becomes `{ id: s.order.id, kind: "x" }`.
 * Answers `undefined` when a value is not a plain reference (an intrinsic
 * call, a filter) or a key could not be written back the same.
 */
export function payloadCode(template: unknown, names: SelectorNames): string | undefined {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return undefined;
  return objectCode(template as Record<string, unknown>, names);
}

function objectCode(template: Record<string, unknown>, names: SelectorNames): string | undefined {
  const entries: string[] = [];
  const keys = Object.keys(template);
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$')) {
      const name = key.slice(0, -2);
      const selector = pathToSelector(value, names);
      if (selector === undefined || FORBIDDEN.has(name) || name.endsWith('.$') || keys.includes(name))
        return undefined;
      entries.push(`${propertyKey(name)}: ${selector}`);
    } else {
      if (FORBIDDEN.has(key)) return undefined;
      const code = valueCode(value, names);
      if (code === undefined) return undefined;
      entries.push(`${propertyKey(key)}: ${code}`);
    }
  }
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function valueCode(value: unknown, names: SelectorNames): string | undefined {
  if (Array.isArray(value)) {
    const items = value.map((item) => valueCode(item, names));
    return items.some((item) => item === undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null) return objectCode(value as Record<string, unknown>, names);
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  return tsLiteral(value);
}

/**
 * A JSONPath payload template written as it is, `{ 'id.$': '$.order.id' }`,
 * which the builder type-checks path by path. Answers `undefined` when the
 * builder would write a value differently: a `"key.$"` path it would respell,
 * or one that is not a plain path (a filter); intrinsic calls are kept.
 */
export function templateCode(template: unknown): string | undefined {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return undefined;
  return writtenAsIs(template) ? tsLiteral(template) : undefined;
}

/** Whether the builder writes a template (or a Pass Result) back exactly as given. */
export function writtenAsIs(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(writtenAsIs);
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  return Object.entries(value).every(([key, item]) => {
    if (FORBIDDEN.has(key)) return false;
    if (!key.endsWith('.$')) return writtenAsIs(item);
    if (typeof item !== 'string' || FORBIDDEN.has(key.slice(0, -2))) return false;
    // A path is written back only in the builder's spelling; anything else (an intrinsic call) as given.
    return looksLikePath(item)
      ? pathToSelector(item, { data: 's', context: 'c', vars: 'v' }) !== undefined
      : true;
  });
}

function looksLikePath(value: string): boolean {
  return value === '$' || /^\$(\$|\.|\[|[A-Za-z_])/.test(value);
}
