import { InvalidPathError } from './path-errors';

/** Names that would reach JavaScript object internals; refused wherever a path names a member. */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Reading position over a path's text, with the helpers every part of the parser shares. */
export class PathCursor {
  readonly source: string;
  position = 0;
  /** Filters open around the position: a filter's paths may hold filters of their own. */
  filterNesting = 0;

  constructor(source: string) {
    this.source = source;
  }

  get atEnd(): boolean {
    return this.position >= this.source.length;
  }

  /** The character at the current position plus `ahead`, or '' past the end. */
  peek(ahead = 0): string {
    return this.source.charAt(this.position + ahead);
  }

  startsWith(text: string): boolean {
    return this.source.startsWith(text, this.position);
  }

  skipSpaces(): void {
    while (isSpace(this.peek())) this.position++;
  }

  /** Consumes `expected` or fails naming what was found instead. */
  expect(expected: string, what: string): void {
    if (!this.startsWith(expected)) this.fail(`expected ${what} but found ${this.describeHere()}`);
    this.position += expected.length;
  }

  /** Describes the current character for an error message. */
  describeHere(): string {
    return this.atEnd ? 'the end of the path' : `'${this.peek()}'`;
  }

  fail(reason: string, position: number = this.position): never {
    throw new InvalidPathError(this.source, position, reason);
  }

  /** Refuses member names that could reach object internals. */
  checkName(name: string, position: number): string {
    if (FORBIDDEN_NAMES.has(name)) this.fail(`the member name '${name}' is not allowed`, position);
    return name;
  }

  /** Reads an integer such as `-12`; the caller has checked that one starts here. */
  readInteger(): number {
    const start = this.position;
    if (this.peek() === '-') this.position++;
    if (!isDigit(this.peek())) this.fail(`expected a digit but found ${this.describeHere()}`);
    while (isDigit(this.peek())) this.position++;
    const value = Number(this.source.slice(start, this.position));
    if (!Number.isSafeInteger(value)) this.fail('the integer is too large', start);
    return value;
  }

  /** Reads a quoted string (either quote) with JSON-style escapes; the cursor is on the quote. */
  readQuoted(): string {
    const quote = this.peek();
    const start = this.position++;
    let text = '';
    for (;;) {
      if (this.atEnd) this.fail('unterminated string', start);
      const char = this.peek();
      if (char === quote) break;
      if (char === '\\') {
        text += this.readEscape();
      } else {
        text += char;
        this.position++;
      }
    }
    this.position++;
    return text;
  }

  private readEscape(): string {
    const at = this.position;
    const char = this.peek(1);
    this.position += 2;
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) return simple;
    if (char === 'u') {
      const hex = this.source.slice(this.position, this.position + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape', at);
      this.position += 4;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    return this.fail(char === '' ? 'unterminated string' : `invalid escape '\\${char}'`, at);
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  "'": "'",
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
});

export function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

export function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}
