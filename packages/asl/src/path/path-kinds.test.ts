import { describe, expect, it } from 'vitest';
import { parsePath } from './parse-path';
import { isDefinitePath, isReferencePath } from './path-kinds';

describe('isReferencePath and isDefinitePath', () => {
  it.each([
    ['$', true, true],
    ['$.a.b[0]', true, true],
    ["$['a b'][2]", true, true],
    ['$$.Execution.Id', true, true],
    ['$var.field[0]', true, true],
    ['$.a[-1]', false, true],
    ['$.a[*]', false, false],
    ['$.*', false, false],
    ['$..a', false, false],
    ['$.a[0,1]', false, false],
    ["$['a','b']", false, false],
    ['$.a[1:]', false, false],
    ['$.a[?(@.b)]', false, false],
  ])('%s: reference %s, definite %s', (source, reference, definite) => {
    const path = parsePath(source);
    expect(isReferencePath(path)).toBe(reference);
    expect(isDefinitePath(path)).toBe(definite);
  });
});
