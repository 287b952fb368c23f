import { describe, expect, it } from 'vitest';
import { parsePath } from './parse-path';
import { ResultPathMatchError } from './path-errors';
import { setAtPath } from './set-at-path';

function set(target: unknown, source: string, value: unknown): unknown {
  return setAtPath(target, parsePath(source), value);
}

describe('setAtPath (ResultPath)', () => {
  it('replaces the whole document for $', () => {
    expect(set({ a: 1 }, '$', 'result')).toBe('result');
  });

  it('adds a member, keeping the others and their order', () => {
    expect(set({ a: 1, b: 2 }, '$.c', 3)).toEqual({ a: 1, b: 2, c: 3 });
    expect(Object.keys(set({ a: 1, b: 2 }, '$.a', 9) as object)).toEqual(['a', 'b']);
  });

  it('creates missing intermediate objects', () => {
    expect(set({ keep: true }, '$.x.y.z', 1)).toEqual({ keep: true, x: { y: { z: 1 } } });
  });

  it('replaces an existing member of any type', () => {
    expect(set({ x: [1, 2] }, '$.x', { now: 'object' })).toEqual({ x: { now: 'object' } });
  });

  it('writes into an existing array element', () => {
    expect(set({ list: [{ a: 1 }, { a: 2 }] }, '$.list[1].b', 3)).toEqual({
      list: [{ a: 1 }, { a: 2, b: 3 }],
    });
  });

  it('leaves the original document untouched', () => {
    const original = { a: { b: 1 }, other: { c: 2 } };
    const updated = set(original, '$.a.b', 5) as typeof original;
    expect(original).toEqual({ a: { b: 1 }, other: { c: 2 } });
    expect(updated.a).toEqual({ b: 5 });
    expect(updated.other).toBe(original.other);
  });

  it('fails with the AWS cause text when the document is not an object', () => {
    expect(() => set('text', '$.a', 1)).toThrow(ResultPathMatchError);
    expect(() => set('text', '$.a', 1)).toThrow('Unable to apply ReferencePath $.a to input "text"');
  });

  it('fails when an intermediate value is not an object', () => {
    const error = catchError(() => set({ a: 5 }, '$.a.b', 1));
    expect(error).toBeInstanceOf(ResultPathMatchError);
    expect(error).toMatchObject({ code: 'RESULT_PATH_MATCH_FAILURE', path: '$.a.b', input: { a: 5 } });
    expect((error as Error).message).toBe('Unable to apply ReferencePath $.a.b to input {"a":5}');
  });

  it('fails for null and arrays in the way of a member', () => {
    expect(() => set({ a: null }, '$.a.b', 1)).toThrow(ResultPathMatchError);
    expect(() => set([1], '$.a', 1)).toThrow(ResultPathMatchError);
  });

  it('fails for an index that does not exist', () => {
    expect(() => set({ list: [1] }, '$.list[3]', 1)).toThrow(ResultPathMatchError);
    expect(() => set({}, '$.list[0]', 1)).toThrow(ResultPathMatchError);
  });

  it('refuses paths that are not reference paths into $', () => {
    expect(catchError(() => set({}, '$.a[*]', 1))).toMatchObject({
      reason: expect.stringMatching(/not a reference path/),
    });
    expect(() => set({}, '$.a[-1]', 1)).toThrow(ResultPathMatchError);
    expect(() => set({}, '$$.Execution', 1)).toThrow(ResultPathMatchError);
    expect(() => set({}, '$var.a', 1)).toThrow(ResultPathMatchError);
  });

  it('never writes a prototype, even for a hand-built path', () => {
    const path = {
      source: '$.x',
      root: { kind: 'input' as const },
      segments: [{ kind: 'property' as const, name: '__proto__' }],
    };
    expect(() => setAtPath({}, path, { polluted: true })).toThrow(ResultPathMatchError);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
