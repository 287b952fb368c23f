import { describe, expect, it } from 'vitest';
import { InvalidJsonataError } from './jsonata-errors';
import { isJsonataExpression, parseJsonataExpression } from './jsonata-expression';

function parseError(source: string): InvalidJsonataError {
  try {
    parseJsonataExpression(source);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidJsonataError);
    return error as InvalidJsonataError;
  }
  throw new Error(`expected ${source} to be refused`);
}

describe('isJsonataExpression', () => {
  it('accepts only strings that start with {% and end with %}', () => {
    expect(isJsonataExpression('{% $states.input %}')).toBe(true);
    expect(isJsonataExpression('{%%}')).toBe(true);
    // From the corpus: surrounding spaces make it a plain string.
    expect(isJsonataExpression(' {% states.input %} ')).toBe(false);
    expect(isJsonataExpression('$states.input')).toBe(false);
    expect(isJsonataExpression({})).toBe(false);
  });
});

describe('parseJsonataExpression', () => {
  it('strips the delimiters and keeps the trimmed text for messages', () => {
    expect(parseJsonataExpression('{%  $x + 1 %}').source).toBe('$x + 1');
  });

  it('reports syntax errors with jsonata’s code and position', () => {
    const error = parseError('{% 1 + %}');
    expect(error.code).toBe('INVALID_JSONATA');
    expect(error.jsonataCode).toBe('S0207');
    expect(typeof error.position).toBe('number');
    expect(error.message).toMatch(/Invalid JSONata expression '1 \+'/);
  });

  it('refuses text without delimiters', () => {
    expect(parseError('$states.input').message).toMatch(/must be written as \{% expression %\}/);
  });

  it.each([
    '{% $states.input.__proto__ %}',
    '{% $states.input.constructor %}',
    '{% $states.input.`prototype` %}',
    '{% {"__proto__": {"polluted": true}} %}',
    "{% $lookup($states.input, 'constructor') %}",
    '{% $__stepwise_guard %}',
  ])('refuses access to JavaScript internals: %s', (source) => {
    expect(parseError(source).message).toMatch(/not allowed|reserved/);
  });
});
