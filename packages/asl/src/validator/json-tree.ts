import { childPointer } from './json-pointer';

/**
 * Copies an untrusted value into a plain JSON tree before any check looks at it.
 *
 * The copy is what makes the rest of the validator safe: it is done without
 * recursion (so depth cannot overflow the stack), reads each property inside a
 * try (so throwing getters and proxies are contained), rejects cycles and
 * non-JSON values, and builds prototype-less objects (so a state named
 * "constructor" or "__proto__" is looked up like any other key).
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

export type JsonTreeResult = { ok: true; tree: JsonValue } | { ok: false; location: string; message: string };

/** Deeper than any real definition; keeps the recursive checks far from the stack limit. */
export const MAX_DEPTH = 160;
/** Shared references could otherwise expand a small object graph into an enormous tree. */
export const MAX_NODES = 2_000_000;

interface Chain {
  source: object;
  parent: Chain | undefined;
}

interface Pending {
  chain: Chain;
  target: JsonValue[] | JsonObject;
  pointer: string;
  depth: number;
}

class NotJson extends Error {
  constructor(
    readonly location: string,
    detail: string,
  ) {
    super(`The value at "${location || '/'}" ${detail}.`);
  }
}

export function readJsonTree(input: unknown): JsonTreeResult {
  const stack: Pending[] = [];
  let nodes = 0;

  const copy = (value: unknown, pointer: string, depth: number, parent: Chain | undefined): JsonValue => {
    if (++nodes > MAX_NODES) throw new NotJson(pointer, `exceeds ${MAX_NODES} JSON values`);
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      throw new NotJson(pointer, 'is not a finite number');
    }
    if (typeof value !== 'object') throw new NotJson(pointer, `is a ${typeof value}, which JSON cannot hold`);
    for (let link = parent; link; link = link.parent) {
      if (link.source === value) throw new NotJson(pointer, 'contains itself (a cycle)');
    }
    if (depth > MAX_DEPTH) throw new NotJson(pointer, `is nested more than ${MAX_DEPTH} levels deep`);
    const target: JsonValue[] | JsonObject = Array.isArray(value) ? [] : Object.create(null);
    stack.push({ chain: { source: value, parent }, target, pointer, depth });
    return target;
  };

  let pointer = '';
  try {
    const tree = copy(input, '', 0, undefined);
    while (stack.length > 0) {
      const item = stack.pop()!;
      pointer = item.pointer;
      const source = item.chain.source;
      if (Array.isArray(item.target)) {
        const length = (source as unknown[]).length;
        for (let i = 0; i < length; i++) {
          item.target.push(
            copy((source as unknown[])[i], childPointer(item.pointer, i), item.depth + 1, item.chain),
          );
        }
      } else {
        for (const key of Object.keys(source)) {
          const value = copy(
            (source as Record<string, unknown>)[key],
            childPointer(item.pointer, key),
            item.depth + 1,
            item.chain,
          );
          item.target[key] = value;
        }
      }
    }
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof NotJson) return { ok: false, location: error.location, message: error.message };
    return { ok: false, location: pointer, message: `The value at "${pointer || '/'}" could not be read.` };
  }
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function has(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key);
}
