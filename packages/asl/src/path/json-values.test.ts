import { describe, expect, it } from 'vitest';
import { hasOwnMember, isJsonObject, jsonEquals, resolveIndex } from './json-values';

describe('json-values', () => {
  it('recognises JSON objects only', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject('x')).toBe(false);
  });

  it('sees own members only, even when the data shadows Object.prototype names', () => {
    const data = JSON.parse('{"hasOwnProperty": 1}');
    expect(hasOwnMember(data, 'hasOwnProperty')).toBe(true);
    expect(hasOwnMember({}, 'toString')).toBe(false);
  });

  it('resolves negative indices from the end and rejects out-of-range ones', () => {
    expect(resolveIndex(-1, 3)).toBe(2);
    expect(resolveIndex(3, 3)).toBe(-1);
    expect(resolveIndex(-4, 3)).toBe(-1);
  });

  it('compares JSON structurally, ignoring member order', () => {
    expect(jsonEquals({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEquals([1], { 0: 1 })).toBe(false);
    expect(jsonEquals({ a: undefined }, { b: undefined })).toBe(false);
  });
});
