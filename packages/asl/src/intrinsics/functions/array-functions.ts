import { jsonEquals } from '../../path/json-values';
import { IntrinsicFailureError } from '../intrinsic-errors';
import { arrayArg, type IntrinsicFamily, integerArg } from './implementation';
import { canonicalJson } from './json-equality';

/** AWS caps the arrays States.ArrayRange may produce. */
export const MAX_ARRAY_RANGE_LENGTH = 1000;

export const arrayFunctions: IntrinsicFamily = {
  'States.Array': (args) => [...args],

  'States.ArrayPartition': (args) => {
    const name = 'States.ArrayPartition';
    const items = arrayArg(name, args, 0);
    const size = integerArg(name, args, 1);
    if (size <= 0)
      throw new IntrinsicFailureError(
        name,
        `Invalid arguments in ${name}: the chunk size must be greater than 0, but was ${size}`,
      );
    const chunks: unknown[][] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    return chunks;
  },

  'States.ArrayContains': (args) => {
    const items = arrayArg('States.ArrayContains', args, 0);
    return items.some((item) => jsonEquals(item, args[1]));
  },

  'States.ArrayRange': (args) => arrayRange('States.ArrayRange', args),

  'States.ArrayGetItem': (args) => {
    const name = 'States.ArrayGetItem';
    const items = arrayArg(name, args, 0);
    const index = integerArg(name, args, 1);
    if (index < 0 || index >= items.length) {
      throw new IntrinsicFailureError(
        name,
        `Invalid arguments in ${name}: index ${index} is out of bounds for an array of length ${items.length}`,
      );
    }
    return items[index];
  },

  'States.ArrayLength': (args) => arrayArg('States.ArrayLength', args, 0).length,

  'States.ArrayUnique': (args) => {
    const unique: unknown[] = [];
    const seen = new Set<string>();
    for (const item of arrayArg('States.ArrayUnique', args, 0)) {
      const key = canonicalJson(item);
      if (seen.has(key)) continue;
      seen.add(key);
      unique.push(item);
    }
    return unique;
  },
};

/**
 * The integers from `start` towards `end` (inclusive) in steps of `step`. Shared with JSONata's
 * `$range`, which reports failures under its own name.
 */
export function arrayRange(name: string, args: readonly unknown[]): number[] {
  const start = integerArg(name, args, 0);
  const end = integerArg(name, args, 1);
  const step = integerArg(name, args, 2);
  if (step === 0)
    throw new IntrinsicFailureError(name, `Invalid arguments in ${name}: the step must not be 0`);
  const length = Math.floor((end - start) / step) + 1;
  if (length > MAX_ARRAY_RANGE_LENGTH) {
    throw new IntrinsicFailureError(
      name,
      `Invalid arguments in ${name}: the range would contain ${length} items, more than the maximum of ${MAX_ARRAY_RANGE_LENGTH}`,
    );
  }
  return Array.from({ length: Math.max(0, length) }, (_, i) => start + i * step);
}
