/**
 * An upper bound on the UTF-8 size of a value's JSON text, found without building the text. It
 * stops as soon as the bound passes `cap`, so a check against a limit costs a walk of the value
 * at most, and answers `undefined` for anything it cannot bound (toJSON, BigInt, very deep
 * nesting), where only serialising tells.
 */
export function jsonSizeBound(value: unknown, cap: number): number | undefined {
  const bound = walk(value, cap, 0);
  return bound < 0 ? undefined : bound;
}

// Past this depth a cyclic value is likelier than real data; JSON.stringify reports it properly.
const MAX_DEPTH = 512;
// "-1.2345678901234567e-308" is the longest number JSON.stringify writes.
const NUMBER_BOUND = 24;
const UNBOUNDED = -1;

/**
 * The bound of `value`, or UNBOUNDED. Once the bound passes `left` the walk stops and answers
 * what it has, which is already enough to tell the caller it is over its cap. Every state's
 * output goes through here, so it returns numbers rather than filling in a shared record.
 */
function walk(value: unknown, left: number, depth: number): number {
  switch (typeof value) {
    case 'string':
      // Each UTF-16 unit is at most 6 bytes of JSON (a \u00XX escape), plus the quotes.
      return value.length * 6 + 2;
    case 'number':
      return NUMBER_BOUND;
    case 'boolean':
      return 5;
    case 'object':
      break;
    case 'bigint':
      return UNBOUNDED;
    default:
      // undefined, functions and symbols: dropped from objects, `null` in arrays.
      return 4;
  }
  if (value === null) return 4;
  if (depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return UNBOUNDED;
  if (Array.isArray(value)) {
    let total = 2 + value.length;
    for (let i = 0; i < value.length && total <= left; i++) {
      const item = walk(value[i], left - total, depth + 1);
      if (item < 0) return UNBOUNDED;
      total += item;
    }
    return total;
  }
  let total = 2;
  // for...in also visits inherited enumerable keys, which JSON.stringify leaves out: counting
  // them only raises the bound, and skipping the own-property test keeps the walk fast.
  for (const key in value) {
    const item = walk((value as Record<string, unknown>)[key], left - total, depth + 1);
    if (item < 0) return UNBOUNDED;
    // Key, quotes, colon and comma.
    total += key.length * 6 + 4 + item;
    if (total > left) return total;
  }
  return total;
}
