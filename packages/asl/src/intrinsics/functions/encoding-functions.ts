import { IntrinsicFailureError } from '../intrinsic-errors';
import { HASH_ALGORITHMS, hashText } from './hash-text';
import { type IntrinsicFamily, stringArg } from './implementation';

/** AWS's limit on the input of States.Base64Encode, States.Base64Decode and States.Hash. */
export const MAX_ENCODING_INPUT_LENGTH = 10_000;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function limitedInput(name: string, args: readonly unknown[]): string {
  const input = stringArg(name, args, 0);
  if (input.length > MAX_ENCODING_INPUT_LENGTH) {
    throw new IntrinsicFailureError(
      name,
      `Invalid arguments in ${name}: the input must be at most ${MAX_ENCODING_INPUT_LENGTH} characters long, but was ${input.length}`,
    );
  }
  return input;
}

export const encodingFunctions: IntrinsicFamily = {
  'States.Base64Encode': (args) =>
    Buffer.from(limitedInput('States.Base64Encode', args), 'utf8').toString('base64'),

  'States.Base64Decode': (args) => {
    const name = 'States.Base64Decode';
    const input = limitedInput(name, args);
    // Node's decoder silently skips bad characters; AWS refuses them, so check first.
    if (!BASE64.test(input)) {
      throw new IntrinsicFailureError(name, `Invalid arguments in ${name}: the input is not valid Base64`);
    }
    return Buffer.from(input, 'base64').toString('utf8');
  },

  'States.Hash': (args) => {
    const name = 'States.Hash';
    const input = limitedInput(name, args);
    const algorithm = stringArg(name, args, 1);
    const digest = hashText(input, algorithm);
    if (digest === undefined) {
      throw new IntrinsicFailureError(
        name,
        `Invalid arguments in ${name}: unsupported hash algorithm '${algorithm}' (supported: ${HASH_ALGORITHMS.join(', ')})`,
      );
    }
    return digest;
  },
};
