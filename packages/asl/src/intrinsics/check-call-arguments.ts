import { countPlaceholders } from './functions/format-template';
import type { IntrinsicArgument, IntrinsicCall } from './intrinsic-ast';
import type { IntrinsicScanner } from './intrinsic-scanner';
import {
  INTRINSIC_SIGNATURES,
  type IntrinsicValueType,
  isAssignable,
  parameterType,
} from './intrinsic-signatures';

/**
 * Checks what can be known before any data arrives: the number of arguments, the types of
 * literals and of nested calls' results, and States.Format's placeholders when its template is a
 * literal.
 */
export function checkCallArguments(call: IntrinsicCall, scanner: IntrinsicScanner): void {
  const signature = INTRINSIC_SIGNATURES[call.name];
  const count = call.args.length;
  if (count < signature.minArgs || count > signature.maxArgs) {
    throw scanner.fail(
      `${call.name} expects ${describeArity(signature.minArgs, signature.maxArgs)}, got ${count}`,
      call.position,
    );
  }
  call.args.forEach((arg, index) => {
    const expected = parameterType(signature, index);
    const actual = staticTypeOf(arg);
    const isFraction = arg.kind === 'number' && !Number.isInteger(arg.value);
    if (!isAssignable(actual, expected) || (expected === 'integer' && isFraction)) {
      throw scanner.fail(
        `Argument ${index + 1} of ${call.name} must be ${article(expected)}, not ${describeArgument(arg, actual)}`,
        call.position,
      );
    }
  });
  const template = call.args[0];
  if (call.name === 'States.Format' && template?.kind === 'string') {
    const placeholders = countPlaceholders(template.value, template.escapedBraces);
    if (placeholders !== count - 1) {
      throw scanner.fail(
        `States.Format template has ${placeholders} placeholder(s) but ${count - 1} value(s) were given`,
        call.position,
      );
    }
  }
  if (call.name === 'States.JsonMerge' && call.args[2]?.kind === 'boolean' && call.args[2].value) {
    throw scanner.fail(
      'States.JsonMerge supports only a shallow merge: its third argument must be false',
      call.position,
    );
  }
}

function staticTypeOf(arg: IntrinsicArgument): IntrinsicValueType | 'null' {
  switch (arg.kind) {
    case 'string':
    case 'boolean':
    case 'null':
      return arg.kind;
    case 'number':
      return Number.isInteger(arg.value) ? 'integer' : 'number';
    case 'path':
      return 'any';
    case 'call':
      return INTRINSIC_SIGNATURES[arg.name].returns;
  }
}

function describeArity(min: number, max: number): string {
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  if (max === Number.POSITIVE_INFINITY) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

function article(type: IntrinsicValueType | 'null'): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeArgument(arg: IntrinsicArgument, type: IntrinsicValueType | 'null'): string {
  return arg.kind === 'call' ? `the ${type} returned by ${arg.name}` : `${article(type)} literal`;
}
