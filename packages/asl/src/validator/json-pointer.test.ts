import { describe, expect, it } from 'vitest';
import { childPointer, isJsonPointer, isWithin, resolvePointer } from './json-pointer';

describe('JSON pointers', () => {
  it('escape "~" before "/" so that segments round-trip', () => {
    expect(childPointer('', 'States', 'a/b~c', 0)).toBe('/States/a~1b~0c/0');
    expect(resolvePointer({ States: { 'a/b~c': ['x'] } }, '/States/a~1b~0c/0')).toEqual({
      found: true,
      value: 'x',
    });
  });

  it('recognise only well-formed pointers', () => {
    expect(isJsonPointer('')).toBe(true);
    expect(isJsonPointer('/a/~0~1')).toBe(true);
    expect(isJsonPointer('a')).toBe(false);
    expect(isJsonPointer('/a~2')).toBe(false);
  });

  it('resolve own members only, and array elements by canonical index', () => {
    expect(resolvePointer({}, '/constructor').found).toBe(false);
    expect(resolvePointer(['a'], '/00').found).toBe(false);
    expect(resolvePointer({ a: null }, '/a')).toEqual({ found: true, value: null });
  });

  it('tell whether one location lies within another', () => {
    expect(isWithin('/States/A/Next', '/States/A')).toBe(true);
    expect(isWithin('/States/AB', '/States/A')).toBe(false);
  });
});
