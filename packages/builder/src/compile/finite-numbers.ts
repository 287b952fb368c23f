import { childPointer } from '@stepwise/asl';
import { NonFiniteNumberError } from '../errors/builder-errors';

/**
 * Refuses a compiled definition holding NaN or an infinity (`wait({ seconds: NaN })`, a retry
 * interval of Infinity): JSON would write it as null, and the definition would fail validation
 * or, worse, mean something else. The walk is iterative, as definitions may nest deeply.
 */
export function assertFiniteNumbers(definition: unknown): void {
  const stack: Array<[unknown, string]> = [[definition, '']];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop() as [unknown, string];
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new NonFiniteNumberError(pointer || '/', value);
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++)
        stack.push([value[index], childPointer(pointer, index)]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        stack.push([item, childPointer(pointer, key)]);
      }
    }
  }
}
