import { describe, expect, it } from 'vitest';
import { JsonSyntaxError } from './json-syntax-error';
import { MAX_JSON_DEPTH, parseLocatedJson } from './parse-located-json';

const text = `{
  "StartAt": "A",
  "States": {
    "A/B": { "Type": "Pass", "End": true },
    "list": [1, {"x~y": null}]
  }
}`;

describe('parseLocatedJson', () => {
  it('returns the same value as JSON.parse', () => {
    expect(parseLocatedJson(text).value).toEqual(JSON.parse(text));
  });

  it('locates the key and the value of every member by JSON pointer', () => {
    const { locations } = parseLocatedJson(text);
    expect(locations.get('')).toEqual({ value: { line: 1, column: 1, offset: 0 } });
    expect(locations.get('/StartAt')?.key).toMatchObject({ line: 2, column: 3 });
    expect(locations.get('/StartAt')?.value).toMatchObject({ line: 2, column: 14 });
  });

  it('escapes "/" and "~" in pointers as RFC 6901 says', () => {
    const { locations } = parseLocatedJson(text);
    expect(locations.get('/States/A~1B/End')?.key).toMatchObject({ line: 4, column: 30 });
    expect(locations.get('/States/list/1/x~0y')?.key).toMatchObject({ line: 5, column: 18 });
  });

  it('locates array elements by index', () => {
    expect(parseLocatedJson(text).locations.get('/States/list/0')?.value).toMatchObject({
      line: 5,
      column: 14,
    });
  });

  it('reports a syntax error at the line and column where it is', () => {
    const broken = '{\n  "a": 1,\n  "b" 2\n}';
    const error = captureError(() => parseLocatedJson(broken));
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect(error).toMatchObject({ code: 'JSON_SYNTAX_ERROR', position: { line: 3, column: 7 } });
  });

  it.each([
    ['', 'Unexpected end of JSON'],
    ['[1,]', 'Unexpected character "]"'],
    ['{"a": 01}', "Expected ',' or '}'"],
    ['"\\x"', 'Bad escape'],
    ['{} x', 'Unexpected text after'],
    ['"abc', 'Unterminated string'],
  ])('refuses %j', (input, message) => {
    expect(() => parseLocatedJson(input)).toThrow(message);
  });

  it('accepts a byte order mark', () => {
    expect(parseLocatedJson('\ufeff{"a": true}').locations.get('/a')?.value).toMatchObject({
      line: 1,
      column: 8,
    });
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseLocatedJson on deep nesting', () => {
  it('refuses JSON nested deeper than any workflow with a syntax error, not a stack overflow', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(() => parseLocatedJson(deep)).toThrow(JsonSyntaxError);
    expect(() => parseLocatedJson(deep)).toThrow(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    const fine = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(() => parseLocatedJson(fine)).not.toThrow();
  });
});
