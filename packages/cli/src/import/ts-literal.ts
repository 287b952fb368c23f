const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value as a TypeScript literal, with unquoted keys where that is valid; formatting comes later. */
export function tsLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${tsLiteral(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  if (typeof value === 'string') return tsString(value);
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** A single-quoted string literal, the project's style; JSON's escapes are valid TypeScript escapes. */
export function tsString(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

export function propertyKey(key: string): string {
  // A `__proto__` key, quoted or not, sets an object literal's prototype; a computed one is data.
  if (key === '__proto__') return `[${tsString(key)}]`;
  return IDENTIFIER.test(key) ? key : tsString(key);
}

/** Builds `{ a: 1, b: x }` from entries whose values are already code. */
export function objectCode(entries: ReadonlyArray<readonly [string, string | undefined]>): string {
  const present = entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  if (present.length === 0) return '{}';
  const parts = present.map(([key, code]) => `${propertyKey(key)}: ${code}`);
  // One property per line once the object would not read well on one; the formatter indents them.
  const inline = `{ ${parts.join(', ')} }`;
  return inline.length <= 60 && !inline.includes('\n') ? inline : `{\n${parts.join(',\n')},\n}`;
}
