import { describe, expect, it } from 'vitest';
import { createSubstringFinder } from './find-substring';

describe('createSubstringFinder', () => {
  it('finds the first occurrence at or after a position', () => {
    const finder = createSubstringFinder('aab');
    expect(finder.indexIn('aaaab', 0, 5)).toBe(2);
    expect(finder.indexIn('xaabaab', 2, 7)).toBe(4);
  });

  it('handles needles with repeated prefixes', () => {
    expect(createSubstringFinder('abab').indexIn('abaabababc', 0, 10)).toBe(3);
  });

  it('only reports occurrences that end before the limit', () => {
    expect(createSubstringFinder('ab').indexIn('xxab', 0, 3)).toBe(-1);
    expect(createSubstringFinder('ab').indexIn('xxab', 0, 4)).toBe(2);
  });

  it('finds the empty string wherever the search starts', () => {
    expect(createSubstringFinder('').indexIn('abc', 1, 3)).toBe(1);
  });

  it('reports -1 when there is no occurrence', () => {
    expect(createSubstringFinder('zz').indexIn('abc', 0, 3)).toBe(-1);
  });
});
