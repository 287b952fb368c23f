import { describe, expect, it } from 'vitest';
import { run } from '../test-support';

describe('JSON intrinsics', () => {
  it('States.StringToJson parses JSON and answers null for blank text', () => {
    expect(run('States.StringToJson($.s)', { s: '{"Arg1": 1, "Arg2": []}' })).toEqual({ Arg1: 1, Arg2: [] });
    expect(run('States.StringToJson($.s)', { s: '  ' })).toBeNull();
    expect(() => run('States.StringToJson($.s)', { s: '{nope' })).toThrow(/not valid JSON/);
  });

  it('States.JsonToString writes compact JSON', () => {
    expect(run('States.JsonToString($.v)', { v: { Arg1: 1, Arg2: [] } })).toBe('{"Arg1":1,"Arg2":[]}');
    expect(run('States.JsonToString($.v)', { v: 'HelloWorld' })).toBe('"HelloWorld"');
    expect(run('States.JsonToString($.v)', { v: null })).toBe('null');
  });

  it('States.JsonMerge lets the second object win, without merging nested objects', () => {
    const input = { a: { x: 1, n: { p: 1 } }, b: { y: 2, n: { q: 2 } } };
    expect(run('States.JsonMerge($.a, $.b, false)', input)).toEqual({ x: 1, y: 2, n: { q: 2 } });
  });

  it('States.JsonMerge refuses a deep merge requested through data, and non-objects', () => {
    expect(() => run('States.JsonMerge($.a, $.a, $.deep)', { a: {}, deep: true })).toThrow(
      /deep merging is not supported/,
    );
    expect(() => run('States.JsonMerge($.a, $.b, false)', { a: {}, b: [] })).toThrow(
      /must be an object but was array/,
    );
  });

  it('keeps a "__proto__" key as plain data', () => {
    const merged = run('States.JsonMerge(States.StringToJson($.s), $.b, false)', {
      s: '{"__proto__": {"polluted": true}}',
      b: {},
    }) as Record<string, unknown>;
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
