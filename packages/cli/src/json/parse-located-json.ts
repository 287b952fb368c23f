import { childPointer } from '@stepwise/asl';
import { JsonSyntaxError } from './json-syntax-error';
import { LineIndex, type SourcePosition } from './source-position';

/** Where a JSON value sits in its file: the member's key (if any) and the value itself. */
export interface ValueLocation {
  key?: SourcePosition;
  value: SourcePosition;
}

export interface LocatedJson {
  value: unknown;
  /** Every JSON pointer in the document, mapped to where it is written. */
  locations: ReadonlyMap<string, ValueLocation>;
}

/**
 * Parses JSON and records the position of every value by JSON pointer, so
 * that a diagnostic located by pointer can be shown at its line and column.
 * The value itself comes from JSON.parse, so it has the platform's exact semantics.
 */
export function parseLocatedJson(text: string): LocatedJson {
  const scanner = new LocatingScanner(text);
  scanner.document();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { value: JSON.parse(body), locations: scanner.locations };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Deeper than any workflow file; past it the scanner's recursion would exhaust the stack. */
export const MAX_JSON_DEPTH = 1000;

class LocatingScanner {
  readonly locations = new Map<string, ValueLocation>();
  readonly #lines: LineIndex;
  #at = 0;
  #depth = 0;

  constructor(readonly text: string) {
    this.#lines = new LineIndex(text);
    if (text.charCodeAt(0) === 0xfeff) this.#at = 1;
  }

  document(): void {
    this.value('', undefined);
    this.#skipSpace();
    if (this.#at < this.text.length) this.#fail('Unexpected text after the JSON value');
  }

  value(pointer: string, key: SourcePosition | undefined): void {
    this.#skipSpace();
    if (this.#depth >= MAX_JSON_DEPTH)
      this.#fail(`The JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
    const start = this.#lines.positionOf(this.#at);
    this.locations.set(pointer, key ? { key, value: start } : { value: start });
    const char = this.text[this.#at];
    if (char === '{' || char === '[') {
      this.#depth++;
      if (char === '{') this.#object(pointer);
      else this.#array(pointer);
      this.#depth--;
    } else if (char === '"') this.#string();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.#number();
    else if (!this.#literal('true') && !this.#literal('false') && !this.#literal('null')) {
      this.#fail(
        char === undefined ? 'Unexpected end of JSON' : `Unexpected character ${JSON.stringify(char)}`,
      );
    }
  }

  #object(pointer: string): void {
    this.#at++;
    this.#skipSpace();
    if (this.#eat('}')) return;
    do {
      this.#skipSpace();
      if (this.text[this.#at] !== '"') this.#fail('Expected a property name in double quotes');
      const keyPosition = this.#lines.positionOf(this.#at);
      const name = this.#string();
      this.#skipSpace();
      if (!this.#eat(':')) this.#fail("Expected ':' after the property name");
      this.value(childPointer(pointer, name), keyPosition);
      this.#skipSpace();
    } while (this.#eat(','));
    if (!this.#eat('}')) this.#fail("Expected ',' or '}' after a property value");
  }

  #array(pointer: string): void {
    this.#at++;
    this.#skipSpace();
    if (this.#eat(']')) return;
    let index = 0;
    do {
      this.value(childPointer(pointer, index++), undefined);
      this.#skipSpace();
    } while (this.#eat(','));
    if (!this.#eat(']')) this.#fail("Expected ',' or ']' after an array element");
  }

  #string(): string {
    const start = this.#at;
    this.#at++;
    for (;;) {
      const code = this.text.charCodeAt(this.#at);
      if (Number.isNaN(code)) this.#fail('Unterminated string');
      if (code === 0x22) break;
      if (code < 0x20) this.#fail('Control character in a string');
      if (code === 0x5c) {
        this.#at++;
        const escaped = this.text[this.#at];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.#at + 1, this.#at + 5)))
            this.#fail('Bad \\u escape');
          this.#at += 4;
        } else if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
          this.#fail('Bad escape in a string');
        }
      }
      this.#at++;
    }
    this.#at++;
    return JSON.parse(this.text.slice(start, this.#at)) as string;
  }

  #number(): void {
    NUMBER.lastIndex = this.#at;
    const match = NUMBER.exec(this.text);
    if (!match) this.#fail('Invalid number');
    this.#at += match[0].length;
  }

  #literal(word: string): boolean {
    if (!this.text.startsWith(word, this.#at)) return false;
    this.#at += word.length;
    return true;
  }

  #eat(char: string): boolean {
    if (this.text[this.#at] !== char) return false;
    this.#at++;
    return true;
  }

  #skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.#at] ?? '')) this.#at++;
  }

  #fail(message: string): never {
    throw new JsonSyntaxError(message, this.#lines.positionOf(this.#at), this.text);
  }
}
