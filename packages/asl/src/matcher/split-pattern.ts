import { InvalidStringMatchesPatternError } from './matcher-errors';

/**
 * Splits a StringMatches pattern at its unescaped `*` wildcards into the
 * literal text between them. `\*` stands for a literal asterisk and `\\` for
 * a literal backslash; a backslash before any other character is itself
 * literal, because the ASL specification gives no character other than `*`
 * a special meaning. A backslash at the very end escapes nothing and is
 * refused.
 *
 * `a*b\*c*` gives `['a', 'b*c', '']`: n wildcards give n + 1 literals.
 */
export function splitPattern(pattern: string): string[] {
  const literals: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '*') {
      literals.push(current);
      current = '';
    } else if (char === '\\') {
      const next = pattern.charAt(i + 1);
      if (next === '') {
        throw new InvalidStringMatchesPatternError(pattern, i, 'the pattern ends with an escape character');
      }
      if (next === '*' || next === '\\') {
        current += next;
        i++;
      } else {
        current += char;
      }
    } else {
      current += char;
    }
  }
  literals.push(current);
  return literals;
}
