import { JsonataEvaluationError } from './jsonata-errors';

/** Thrown when a result holds something JSON cannot express, such as a function. */
export class UnsupportedJsonataResult extends Error {}

function isFunctionLike(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record._jsonata_lambda === true || record._jsonata_function === true;
}

/**
 * Converts a jsonata result to plain JSON: sequences become ordinary arrays, undefined object
 * members are dropped (as JSON would), and functions are refused.
 */
export function toJsonResult(value: unknown): unknown {
  if (isFunctionLike(value)) throw new UnsupportedJsonataResult();
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(toJsonResult);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new JsonataEvaluationError(`The JSONata expression produced a number JSON cannot hold: ${value}`);
  }
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    // defineProperty keeps keys such as "__proto__" as plain data.
    Object.defineProperty(result, key, {
      value: toJsonResult(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
