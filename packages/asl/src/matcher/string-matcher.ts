import { createSubstringFinder } from './find-substring';
import { splitPattern } from './split-pattern';

/** A compiled StringMatches pattern. */
export interface StringMatcher {
  readonly pattern: string;
  matches(value: string): boolean;
}

/**
 * Compiles a Choice rule's StringMatches pattern: `*` matches any run of
 * characters, including none; `\*` and `\\` are a literal asterisk and
 * backslash. Throws `InvalidStringMatchesPatternError` for a pattern ending
 * in a lone backslash.
 *
 * Matching is linear in pattern plus value: the first literal must be a
 * prefix, the last a suffix, and each middle literal is found left to right
 * at its earliest position after the previous one (taking the earliest
 * occurrence never loses a match, so there is no backtracking).
 */
export function compileStringMatcher(pattern: string): StringMatcher {
  const literals = splitPattern(pattern);
  if (literals.length === 1) {
    const exact = literals[0] as string;
    return { pattern, matches: (value) => value === exact };
  }
  const prefix = literals[0] as string;
  const suffix = literals[literals.length - 1] as string;
  const middle = literals
    .slice(1, -1)
    .filter((literal) => literal !== '')
    .map(createSubstringFinder);
  const minimumLength = prefix.length + suffix.length;
  return {
    pattern,
    matches(value: string): boolean {
      if (value.length < minimumLength || !value.startsWith(prefix) || !value.endsWith(suffix)) return false;
      const end = value.length - suffix.length;
      let position = prefix.length;
      for (const finder of middle) {
        const found = finder.indexIn(value, position, end);
        if (found < 0) return false;
        position = found + finder.needle.length;
      }
      return true;
    },
  };
}
