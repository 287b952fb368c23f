import { describe, expect, it } from 'vitest';
import { InvalidStringMatchesPatternError } from './matcher-errors';
import { splitPattern } from './split-pattern';

describe('splitPattern', () => {
  it.each([
    ['log.txt', ['log.txt']],
    ['*.log', ['', '.log']],
    ['a*b*', ['a', 'b', '']],
    ['**', ['', '', '']],
    ['a\\*b', ['a*b']],
    ['a\\\\*b', ['a\\', 'b']],
    ['a\\b', ['a\\b']],
    ['', ['']],
  ])('%j -> %j', (pattern, literals) => {
    expect(splitPattern(pattern)).toEqual(literals);
  });

  it('refuses a pattern that ends with a lone backslash, saying where', () => {
    expect(() => splitPattern('abc\\')).toThrow(InvalidStringMatchesPatternError);
    expect(() => splitPattern('abc\\')).toThrow(/at position 3: the pattern ends with an escape character/);
  });
});
