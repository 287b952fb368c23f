/**
 * Constant parts of a template are kept once, frozen, and copied for every
 * evaluation, so an execution that mutates its payload can never change what
 * another execution receives.
 */

/** A deep copy of JSON data that is also deeply frozen. */
export function freezeJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(freezeJson));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    defineMember(copy, key, freezeJson((value as Record<string, unknown>)[key]));
  }
  return Object.freeze(copy);
}

/** A mutable deep copy of JSON data. */
export function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const copy = new Array<unknown>(length);
    for (let i = 0; i < length; i++) copy[i] = copyJson(value[i]);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) defineMember(copy, key, copyJson(source[key]));
  return copy;
}

/**
 * Sets an own member. Plain assignment of `__proto__` would replace the
 * prototype instead, so that one name gets a property definition, the way
 * `JSON.parse` creates it.
 */
export function defineMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
