/** Helpers for reading untrusted JSON data without touching prototypes. */

const hasOwn = Object.prototype.hasOwnProperty;

export type JsonObject = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `object` itself (not its prototype) has `name`, so `toString` or `hasOwnProperty` in data stay data. */
export function hasOwnMember(object: JsonObject, name: string): boolean {
  return hasOwn.call(object, name);
}

/** Resolves a possibly negative index against `length`, or -1 when out of range. */
export function resolveIndex(index: number, length: number): number {
  const resolved = index < 0 ? length + index : index;
  return resolved >= 0 && resolved < length ? resolved : -1;
}

/** Structural equality of JSON values; object member order does not matter. */
export function jsonEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => jsonEquals(item, right[index]));
  }
  if (Array.isArray(right)) return false;
  const leftObject = left as JsonObject;
  const rightObject = right as JsonObject;
  const keys = Object.keys(leftObject);
  if (keys.length !== Object.keys(rightObject).length) return false;
  return keys.every((key) => hasOwnMember(rightObject, key) && jsonEquals(leftObject[key], rightObject[key]));
}
