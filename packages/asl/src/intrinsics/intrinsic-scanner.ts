import { InvalidIntrinsicError } from './intrinsic-errors';

/** A cursor over the source text of one intrinsic call. */
export class IntrinsicScanner {
  index = 0;

  constructor(readonly source: string) {}

  get done(): boolean {
    return this.index >= this.source.length;
  }

  peek(): string {
    return this.source.charAt(this.index);
  }

  startsWith(text: string): boolean {
    return this.source.startsWith(text, this.index);
  }

  skipWhitespace(): void {
    while (!this.done && /\s/.test(this.peek())) this.index++;
  }

  expect(char: string, what: string): void {
    if (this.peek() !== char) {
      throw this.fail(`Expected ${what} but found ${this.describeHere()}`);
    }
    this.index++;
  }

  fail(message: string, position = this.index): InvalidIntrinsicError {
    return new InvalidIntrinsicError(message, this.source, position);
  }

  describeHere(): string {
    return this.done ? 'the end of the text' : `'${this.peek()}'`;
  }

  /** Reads a run of identifier characters (letters, digits, `_`). */
  readWord(): string {
    const start = this.index;
    while (!this.done && /[A-Za-z0-9_]/.test(this.peek())) this.index++;
    return this.source.slice(start, this.index);
  }
}

export interface ScannedString {
  readonly value: string;
  readonly escapedBraces: readonly number[];
}

/**
 * Reads a single-quoted literal. Only `\'`, `\{`, `\}` and `\\` are escapes; anything else after a
 * backslash is refused, as AWS does, rather than guessing what was meant.
 */
export function scanStringLiteral(scanner: IntrinsicScanner): ScannedString {
  const start = scanner.index;
  scanner.expect("'", 'a string literal');
  let value = '';
  const escapedBraces: number[] = [];
  for (;;) {
    if (scanner.done) throw scanner.fail('Unterminated string literal', start);
    const char = scanner.peek();
    scanner.index++;
    if (char === "'") return { value, escapedBraces };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = scanner.peek();
    if (escaped === "'" || escaped === '\\' || escaped === '{' || escaped === '}') {
      if (escaped === '{' || escaped === '}') escapedBraces.push(value.length);
      value += escaped;
      scanner.index++;
      continue;
    }
    throw scanner.fail(
      scanner.done
        ? 'Unterminated string literal'
        : `Invalid escape sequence '\\${escaped}' in string literal (allowed: \\', \\{, \\}, \\\\)`,
      scanner.index - 1,
    );
  }
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

export function scanNumberLiteral(scanner: IntrinsicScanner): number {
  // The pattern is anchored and free of nested quantifiers, so matching stays linear.
  const match = NUMBER.exec(scanner.source.slice(scanner.index));
  if (!match) throw scanner.fail(`Invalid number literal at ${scanner.describeHere()}`);
  scanner.index += match[0].length;
  return Number(match[0]);
}

/**
 * Finds where a path argument ends: at the first `,` or `)` outside brackets, parentheses and
 * quotes. Returns the path text with trailing whitespace removed.
 */
export function scanPathExtent(scanner: IntrinsicScanner): string {
  const start = scanner.index;
  const closers: string[] = [];
  let quote: string | null = null;
  while (!scanner.done) {
    const char = scanner.peek();
    if (quote !== null) {
      if (char === '\\') scanner.index++;
      else if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '[') {
      closers.push(']');
    } else if (char === '(') {
      closers.push(')');
    } else if (char === ']' || char === ')') {
      if (closers.length === 0) break;
      if (closers.pop() !== char) throw scanner.fail(`Unbalanced '${char}' in path argument`);
    } else if (char === ',' && closers.length === 0) {
      break;
    }
    scanner.index++;
  }
  if (quote !== null) throw scanner.fail('Unterminated quoted name in path argument', start);
  if (closers.length > 0)
    throw scanner.fail(`Missing '${closers[closers.length - 1]}' in path argument`, start);
  return scanner.source.slice(start, scanner.index).trimEnd();
}
