import { describe, expect, it } from 'vitest';
import { compilePath } from './compile-path';
import { PATH_STEP_LIMIT } from './path-budget';
import { PathTooCostlyError } from './path-errors';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('the step budget of one path evaluation', () => {
  it('stops chained descendant segments over deep data with a typed error', () => {
    // 2 KB of data; the matches would number in the hundreds of millions.
    const path = compilePath('$..*..*..*');
    const error = (() => {
      try {
        path.read({ input: nested(1000) });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(PathTooCostlyError);
    expect(error).toMatchObject({ code: 'JSONPATH_TOO_COSTLY', limit: PATH_STEP_LIMIT });
  });

  it('counts the work of filters that search the whole document for every element', () => {
    const input = Array.from({ length: 1000 }, (_, i) => i);
    expect(() => compilePath('$[?($[?($[?(@ == 0)])])]').read({ input })).toThrow(PathTooCostlyError);
  });

  it('starts afresh for every evaluation, so ordinary paths are never stopped', () => {
    const path = compilePath('$..id');
    const input = Array.from({ length: 20_000 }, (_, i) => ({ id: i, tags: ['a', 'b'] }));
    for (let round = 0; round < 50; round++) expect(path.read({ input })).toHaveLength(20_000);
  });
});
