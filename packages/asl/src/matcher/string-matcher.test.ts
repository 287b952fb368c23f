import { describe, expect, it } from 'vitest';
import { InvalidStringMatchesPatternError } from './matcher-errors';
import { compileStringMatcher } from './string-matcher';

function matches(pattern: string, value: string): boolean {
  return compileStringMatcher(pattern).matches(value);
}

describe('compileStringMatcher', () => {
  it('keeps its pattern', () => {
    expect(compileStringMatcher('*.log').pattern).toBe('*.log');
  });

  it.each([
    // Examples from the Choice state documentation.
    ['log-*.txt', 'log-2024.txt', true],
    ['log-*.txt', 'log-.txt', true],
    ['log-*.txt', 'log-2024.csv', false],
    ['*.log', 'server.log', true],
    ['*.log', 'server.log.old', false],
    ['foo*', 'foobar', true],
    ['foo*', 'fo', false],
    ['*', '', true],
    ['*', 'anything', true],
    ['', '', true],
    ['', 'x', false],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'acb', false],
    ['*ab*ab*', 'abab', true],
    ['*ab*ab*', 'aba', false],
    ['ab*ba', 'aba', false],
    ['a**b', 'ab', true],
  ])('%j matches %j: %s', (pattern, value, expected) => {
    expect(matches(pattern, value)).toBe(expected);
  });

  it('treats \\* as a literal asterisk', () => {
    expect(matches('a\\*b', 'a*b')).toBe(true);
    expect(matches('a\\*b', 'axb')).toBe(false);
    expect(matches('*\\**', 'x*y')).toBe(true);
    expect(matches('*\\**', 'xy')).toBe(false);
  });

  it('treats \\\\ as a literal backslash', () => {
    expect(matches('C:\\\\*', 'C:\\temp')).toBe(true);
    expect(matches('C:\\\\*', 'C:temp')).toBe(false);
  });

  it('gives no other character a special meaning', () => {
    expect(matches('a?c', 'abc')).toBe(false);
    expect(matches('a?c', 'a?c')).toBe(true);
    expect(matches('[ab].+', '[ab].+')).toBe(true);
    expect(matches('a\\d', 'a\\d')).toBe(true);
  });

  it('refuses a pattern ending in a lone backslash', () => {
    expect(() => compileStringMatcher('abc\\')).toThrow(InvalidStringMatchesPatternError);
  });

  it('answers pathological inputs without backtracking', () => {
    const value = 'a'.repeat(50);
    expect(matches('*a*a*a*a*a*a*a*a*b', value)).toBe(false);
    expect(matches('*a*a*a*a*a*a*a*a*b', value + 'b')).toBe(true);
    const long = 'a'.repeat(200_000);
    expect(matches(`${'*a'.repeat(1000)}*b`, long)).toBe(false);
    expect(matches('*aaaaaaaaab*', long)).toBe(false);
  });
});
