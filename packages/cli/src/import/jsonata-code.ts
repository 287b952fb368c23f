import type { Entry } from './state-code-context';
import { propertyKey, tsLiteral, tsString } from './ts-literal';

/** A string ASL evaluates as JSONata: the whole string is `{% ... %}`. */
const EXPRESSION = /^\{%([\s\S]*)%\}$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether the builder writes `jsonata(text)` back as exactly `text`. */
export function isExpression(value: unknown): value is string {
  const body = typeof value === 'string' ? EXPRESSION.exec(value)?.[1] : undefined;
  // `jsonata()` trims what it is given and refuses an empty body.
  return body !== undefined && body.trim() !== '' && (value as string).trim() === value;
}

/**
 * A JSONata field that takes a whole expression or a value built by a
 * selector (`Output`, `Assign`, `Arguments`...): `{% $states.input %}` becomes
 * `jsonata('{% $states.input %}')`, any other value `() => (value)` with the
 * expressions inside it written as `jsonataValue(...)`.
 */
export function jsonataFieldEntry(value: unknown, use: (helper: string) => void): Entry {
  if (value === undefined) return undefined;
  if (isExpression(value)) {
    use('jsonata');
    return `jsonata(${tsString(value)})`;
  }
  const body = jsonataValueCode(value, use);
  if (body === undefined) return false;
  return body.startsWith('{') ? `() => (${body})` : `() => ${body}`;
}

/** A JSON value of a JSONata field as TypeScript, or `undefined` when the builder would write it differently. */
export function jsonataValueCode(value: unknown, use: (helper: string) => void): string | undefined {
  if (typeof value === 'string') {
    if (isExpression(value)) {
      use('jsonataValue');
      return `jsonataValue(${tsString(value)})`;
    }
    // An empty `{% %}`: the builder would keep it a literal by rewriting it.
    return EXPRESSION.test(value) ? undefined : tsString(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => jsonataValueCode(item, use));
    return items.some((item) => item === undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      // `"key.$"` entries are rewritten by the builder; prototype keys are refused.
      if (FORBIDDEN.has(key) || key.endsWith('.$')) return undefined;
      const code = jsonataValueCode(item, use);
      if (code === undefined) return undefined;
      entries.push(`${propertyKey(key)}: ${code}`);
    }
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return tsLiteral(value);
}
