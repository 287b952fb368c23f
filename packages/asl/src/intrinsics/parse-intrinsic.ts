import { parsePath } from '../path';
import { checkCallArguments } from './check-call-arguments';
import {
  INTRINSIC_FUNCTION_NAMES,
  type IntrinsicArgument,
  type IntrinsicCall,
  type IntrinsicFunctionName,
} from './intrinsic-ast';
import { InvalidIntrinsicError } from './intrinsic-errors';
import { IntrinsicScanner, scanNumberLiteral, scanPathExtent, scanStringLiteral } from './intrinsic-scanner';

/** AWS accepts up to 10 intrinsic functions nested within one field. */
export const MAX_INTRINSIC_NESTING = 10;

const KNOWN_NAMES: ReadonlySet<string> = new Set(INTRINSIC_FUNCTION_NAMES);

/**
 * Whether a string is meant as an intrinsic function call (`States.Name(`...). It does not say the
 * call is valid: use `parseIntrinsic` for that.
 */
export function isIntrinsicCall(source: string): boolean {
  return /^States\.[A-Za-z0-9]+\s*\(/.test(source);
}

export type IntrinsicParseResult =
  | { readonly ok: true; readonly call: IntrinsicCall }
  | { readonly ok: false; readonly error: InvalidIntrinsicError };

export function tryParseIntrinsic(source: string): IntrinsicParseResult {
  try {
    return { ok: true, call: parseIntrinsic(source) };
  } catch (error) {
    if (error instanceof InvalidIntrinsicError) return { ok: false, error };
    throw error;
  }
}

/** Parses and checks an intrinsic call; throws `InvalidIntrinsicError` saying where and why. */
export function parseIntrinsic(source: string): IntrinsicCall {
  const scanner = new IntrinsicScanner(source);
  const call = parseCall(scanner, 1);
  scanner.skipWhitespace();
  if (!scanner.done) throw scanner.fail(`Unexpected text after the call: ${scanner.describeHere()}`);
  return call;
}

function parseCall(scanner: IntrinsicScanner, depth: number): IntrinsicCall {
  const position = scanner.index;
  if (depth > MAX_INTRINSIC_NESTING) {
    throw scanner.fail(`Intrinsic functions can be nested at most ${MAX_INTRINSIC_NESTING} deep`);
  }
  if (!scanner.startsWith('States.')) throw scanner.fail('Expected an intrinsic function name (States.*)');
  scanner.index += 'States.'.length;
  const name = `States.${scanner.readWord()}`;
  if (!KNOWN_NAMES.has(name)) throw scanner.fail(`Unknown intrinsic function '${name}'`, position);
  scanner.skipWhitespace();
  scanner.expect('(', `'(' after ${name}`);
  const args: IntrinsicArgument[] = [];
  scanner.skipWhitespace();
  if (scanner.peek() === ')') {
    scanner.index++;
  } else {
    for (;;) {
      scanner.skipWhitespace();
      args.push(parseArgument(scanner, depth));
      scanner.skipWhitespace();
      if (scanner.peek() === ',') {
        scanner.index++;
        continue;
      }
      scanner.expect(')', `',' or ')' in the arguments of ${name}`);
      break;
    }
  }
  const call: IntrinsicCall = { kind: 'call', name: name as IntrinsicFunctionName, args, position };
  checkCallArguments(call, scanner);
  return call;
}

function parseArgument(scanner: IntrinsicScanner, depth: number): IntrinsicArgument {
  const char = scanner.peek();
  if (char === "'") {
    const { value, escapedBraces } = scanStringLiteral(scanner);
    return { kind: 'string', value, escapedBraces };
  }
  if (char === '$') return parsePathArgument(scanner);
  if (char === '-' || (char >= '0' && char <= '9'))
    return { kind: 'number', value: scanNumberLiteral(scanner) };
  if (scanner.startsWith('States.')) return parseCall(scanner, depth + 1);
  const start = scanner.index;
  const word = scanner.readWord();
  if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
  if (word === 'null') return { kind: 'null', value: null };
  throw scanner.fail(
    word === ''
      ? `Expected an argument but found ${scanner.describeHere()}`
      : `Unexpected '${word}' as an argument`,
    start,
  );
}

function parsePathArgument(scanner: IntrinsicScanner): IntrinsicArgument {
  const start = scanner.index;
  const pathSource = scanPathExtent(scanner);
  try {
    return { kind: 'path', source: pathSource, path: parsePath(pathSource) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidIntrinsicError(
      `Invalid path argument '${pathSource}': ${reason}`,
      scanner.source,
      start,
      {
        cause: error,
      },
    );
  }
}
