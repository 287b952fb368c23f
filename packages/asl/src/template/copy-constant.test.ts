import { describe, expect, it } from 'vitest';
import { copyJson, defineMember, freezeJson } from './copy-constant';

describe('copy-constant', () => {
  it('freezes a deep copy, leaving the original alone', () => {
    const original = { a: [{ b: 1 }] };
    const frozen = freezeJson(original) as typeof original;
    expect(frozen).toEqual(original);
    expect(frozen).not.toBe(original);
    expect(Object.isFrozen(frozen.a[0])).toBe(true);
    expect(Object.isFrozen(original.a[0])).toBe(false);
  });

  it('copies into fresh mutable values', () => {
    const frozen = freezeJson({ a: [1, { b: null }] });
    const copy = copyJson(frozen) as { a: unknown[] };
    expect(copy).toEqual({ a: [1, { b: null }] });
    expect(Object.isFrozen(copy.a)).toBe(false);
  });

  it('defines __proto__ as an own member instead of changing the prototype', () => {
    const target: Record<string, unknown> = {};
    defineMember(target, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['__proto__']);
    expect(copyJson(target)).toEqual(target);
  });
});
