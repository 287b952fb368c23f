import { randomUUID } from 'node:crypto';
import { IntrinsicFailureError } from '../intrinsic-errors';
import { fillPlaceholders, placeholderOffsets } from './format-template';
import { type IntrinsicFamily, stringArg } from './implementation';
import { renderJavaText } from './java-text';

export const stringFunctions: IntrinsicFamily = {
  'States.Format': (args, { call }) => {
    const name = 'States.Format';
    const template = stringArg(name, args, 0);
    const literal = call.args[0];
    const offsets = placeholderOffsets(template, literal?.kind === 'string' ? literal.escapedBraces : []);
    const values = args.slice(1);
    if (offsets.length !== values.length) {
      throw new IntrinsicFailureError(
        name,
        `Invalid arguments in ${name}: the template has ${offsets.length} placeholder(s) but ${values.length} value(s) were given`,
      );
    }
    return fillPlaceholders(template, offsets, values.map(renderJavaText));
  },

  'States.StringSplit': (args) => {
    const name = 'States.StringSplit';
    const text = stringArg(name, args, 0);
    const delimiters = new Set(stringArg(name, args, 1));
    // Every character of the second argument is a delimiter and empty pieces are dropped.
    const pieces: string[] = [];
    let current = '';
    for (const char of text) {
      if (delimiters.has(char)) {
        if (current !== '') pieces.push(current);
        current = '';
      } else {
        current += char;
      }
    }
    if (current !== '') pieces.push(current);
    return pieces;
  },

  'States.UUID': (_args, { env }) => (env.uuid ?? randomUUID)(),
};
