import { describe, expect, it } from 'vitest';
import { InvalidJsonataError } from './jsonata-errors';
import { parseJsonataExpression } from './jsonata-expression';
import { hasNestedRepetition } from './nested-repetition';

describe('hasNestedRepetition', () => {
  it.each(['^([a-z0-9]+)+$', '(a+)*', '(\\w+\\s?)*', '((ab)*c)+', '(?:x+y){2,}', '(a*){3,9}'])(
    'finds a repeated group holding an unbounded repetition in %s',
    (source) => expect(hasNestedRepetition(source)).toBe(true),
  );

  it.each([
    '^[a-z0-9]+$',
    '(ab)+',
    '(a+)?',
    '(\\d{3}-)+',
    '[(+)]+',
    '\\(a+\\)+',
    '(a+)',
    'a{2,}b*',
    '(?:foo|bar)+',
  ])('leaves %s alone', (source) => expect(hasNestedRepetition(source)).toBe(false));
});

describe('JSONata regular expressions', () => {
  it('refuses one with nested repetition when the expression is compiled', () => {
    expect(() => parseJsonataExpression('{% $contains($states.input.id, /^([a-z0-9]+)+$/) %}')).toThrow(
      InvalidJsonataError,
    );
  });

  it('accepts an ordinary one', () => {
    expect(() => parseJsonataExpression('{% $contains($states.input.id, /^[a-z0-9]+$/) %}')).not.toThrow();
  });
});
