import { IntrinsicFailureError } from '../intrinsic-errors';
import { type IntrinsicFamily, integerArg, numberArg, roundHalfUp } from './implementation';
import { seededRandom } from './seeded-random';

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

/** Non-integers are rounded to the nearest integer first, as the corpus shows AWS doing. */
function roundedIntArg(name: string, args: readonly unknown[], index: number): number {
  const value = roundHalfUp(numberArg(name, args, index));
  if (value < INT_MIN || value > INT_MAX) {
    throw new IntrinsicFailureError(
      name,
      `Invalid arguments in ${name}: argument ${index + 1} must be between ${INT_MIN} and ${INT_MAX}, but was ${value}`,
    );
  }
  return value;
}

export const mathFunctions: IntrinsicFamily = {
  'States.MathAdd': (args) => {
    const name = 'States.MathAdd';
    return roundedIntArg(name, args, 0) + roundedIntArg(name, args, 1);
  },

  'States.MathRandom': (args, { env }) => {
    const name = 'States.MathRandom';
    const start = roundedIntArg(name, args, 0);
    const end = roundedIntArg(name, args, 1);
    if (end <= start) {
      throw new IntrinsicFailureError(
        name,
        `Invalid arguments in ${name}: the end (${end}) must be greater than the start (${start})`,
      );
    }
    const random = args.length > 2 ? seededRandom(integerArg(name, args, 2)) : (env.random ?? Math.random);
    // Start is inclusive and end exclusive.
    return start + Math.floor(random() * (end - start));
  },
};
