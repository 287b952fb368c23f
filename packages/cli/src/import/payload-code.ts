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
