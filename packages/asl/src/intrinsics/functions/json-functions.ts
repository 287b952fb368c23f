import { IntrinsicFailureError } from '../intrinsic-errors';
import { booleanArg, type IntrinsicFamily, objectArg, stringArg } from './implementation';

export const jsonFunctions: IntrinsicFamily = {
  'States.StringToJson': (args) => {
    const name = 'States.StringToJson';
    const text = stringArg(name, args, 0);
    // AWS answers null for an empty or blank string rather than failing.
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new IntrinsicFailureError(
        name,
        `Invalid arguments in ${name}: the string is not valid JSON: ${text}`,
      );
    }
  },

  'States.JsonToString': (args) => JSON.stringify(args[0] ?? null),

  'States.JsonMerge': (args) => {
    const name = 'States.JsonMerge';
    const left = objectArg(name, args, 0);
    const right = objectArg(name, args, 1);
    if (booleanArg(name, args, 2)) {
      throw new IntrinsicFailureError(
        name,
        `Invalid arguments in ${name}: deep merging is not supported, the third argument must be false`,
      );
    }
    // Spread defines own properties, so a `__proto__` key stays plain data.
    return { ...left, ...right };
  },
};
