import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path';
import { parsePath } from './parse-path';

describe('formatPath', () => {
  it.each([
    // The form AWS prints in "No results for path: $['NoSuchInputPath']".
    ['$.NoSuchInputPath', "$['NoSuchInputPath']"],
    ['$', '$'],
    ['$$.Execution.Id', "$$['Execution']['Id']"],
    ['$var.a[0]', "$var['a'][0]"],
    ["$['it\\'s']", "$['it\\'s']"],
    ['$..a.*[1:2][::-1][0,1]', "$..['a'][*][1:2][::-1][0,1]"],
    ["$.a[?(@.b < 1 && !@.c || @.d == 'x')]", "$['a'][?(((@['b'] < 1 && !@['c']) || @['d'] == 'x'))]"],
  ])('%s -> %s', (source, formatted) => {
    expect(formatPath(parsePath(source))).toBe(formatted);
  });

  it('produces text that parses back to the same path', () => {
    const original = parsePath("$.a['b c'][?(@.x >= -2 && @.y != null)]..z[-1:]");
    const reparsed = parsePath(formatPath(original));
    expect(reparsed.root).toEqual(original.root);
    expect(reparsed.segments).toEqual(original.segments);
  });
});
