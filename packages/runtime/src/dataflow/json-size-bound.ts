/**
 * An upper bound on the UTF-8 size of a value's JSON text, found without building the text. It
 * stops as soon as the bound passes `cap`, so a check against a limit costs a walk of the value
 * at most, and answers `undefined` for anything it cannot bound (toJSON, BigInt, very deep
 * nesting), where only serialising tells.
 */
export function jsonSizeBound(value: unknown, cap: number): number | undefined {
  const walker = { total: 0, cap };
  return walk(value, walker, 0) ? walker.total : undefined;
}

interface Walker {
  total: number;
  readonly cap: number;
}

// Past this depth a cyclic value is likelier than real data; JSON.stringify reports it properly.
const MAX_DEPTH = 512;
// "-1.2345678901234567e-308" is the longest number JSON.stringify writes.
const NUMBER_BOUND = 24;

/** Adds the bound of `value` to the walker; false when the value cannot be bounded. */
function walk(value: unknown, w: Walker, depth: number): boolean {
  switch (typeof value) {
    case 'string':
      // Each UTF-16 unit is at most 6 bytes of JSON (a \u00XX escape), plus the quotes.
      w.total += value.length * 6 + 2;
      return true;
    case 'number':
      w.total += NUMBER_BOUND;
      return true;
    case 'boolean':
      w.total += 5;
      return true;
    case 'object':
      break;
    case 'bigint':
      return false;
    default:
      // undefined, functions and symbols: dropped from objects, `null` in arrays.
      w.total += 4;
      return true;
  }
  if (value === null) {
    w.total += 4;
    return true;
  }
  if (depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    w.total += 2 + value.length;
    for (let i = 0; i < value.length; i++) {
      if (!walk(value[i], w, depth + 1)) return false;
      if (w.total > w.cap) return true;
    }
    return true;
  }
  const record = value as Record<string, unknown>;
  w.total += 2;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    // Key, quotes, colon and comma.
    w.total += key.length * 6 + 4;
    if (!walk(record[key], w, depth + 1)) return false;
    if (w.total > w.cap) return true;
  }
  return true;
}
