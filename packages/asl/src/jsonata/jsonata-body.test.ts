import { describe, expect, it } from 'vitest';
import { jsonataBody } from './jsonata-expression';

describe('jsonataBody', () => {
  it('gives the text between the delimiters, trimmed, as AWS quotes it', () => {
    expect(jsonataBody('{%  $states.input.x  %}')).toBe('$states.input.x');
    expect(jsonataBody('{%\n[1, 2]\n%}')).toBe('[1, 2]');
  });

  it('only trims a text without delimiters', () => {
    expect(jsonataBody('  plain ')).toBe('plain');
  });

  it('reads a text with a long run of spaces inside', () => {
    // A pattern anchored at the end with a leading \s* spent about a minute on this text.
    const text = `{% [1, 2]${' '.repeat(200_000)}x %}`;
    expect(jsonataBody(text).endsWith('x')).toBe(true);
  });
});
