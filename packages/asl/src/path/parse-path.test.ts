import { describe, expect, it } from 'vitest';
import type { JsonPath } from './ast';
import { parsePath, tryParsePath } from './parse-path';
import { InvalidPathError } from './path-errors';

const input = { kind: 'input' } as const;

describe('parsePath', () => {
  const valid: [string, Omit<JsonPath, 'source'>][] = [
    ['$', { root: input, segments: [] }],
    ['$$', { root: { kind: 'context' }, segments: [] }],
    [
      '$$.Execution.Id',
      {
        root: { kind: 'context' },
        segments: [
          { kind: 'property', name: 'Execution' },
          { kind: 'property', name: 'Id' },
        ],
      },
    ],
    ['$myVar', { root: { kind: 'variable', name: 'myVar' }, segments: [] }],
    [
      '$constant_obj.in_obj[0]',
      {
        root: { kind: 'variable', name: 'constant_obj' },
        segments: [
          { kind: 'property', name: 'in_obj' },
          { kind: 'index', index: 0 },
        ],
      },
    ],
    [
      '$.a.b[0]',
      {
        root: input,
        segments: [
          { kind: 'property', name: 'a' },
          { kind: 'property', name: 'b' },
          { kind: 'index', index: 0 },
        ],
      },
    ],
    ['$.delivery-partner', { root: input, segments: [{ kind: 'property', name: 'delivery-partner' }] }],
    ["$['odd key']", { root: input, segments: [{ kind: 'property', name: 'odd key' }] }],
    ['$["it\'s"]', { root: input, segments: [{ kind: 'property', name: "it's" }] }],
    ["$['a\\'b\\u0041']", { root: input, segments: [{ kind: 'property', name: "a'bA" }] }],
    ['$[-1]', { root: input, segments: [{ kind: 'index', index: -1 }] }],
    ['$.*', { root: input, segments: [{ kind: 'wildcard' }] }],
    ['$[ * ]', { root: input, segments: [{ kind: 'wildcard' }] }],
    [
      '$..name',
      { root: input, segments: [{ kind: 'descendant', selector: { kind: 'property', name: 'name' } }] },
    ],
    ['$..*', { root: input, segments: [{ kind: 'descendant', selector: { kind: 'wildcard' } }] }],
    ['$..[0]', { root: input, segments: [{ kind: 'descendant', selector: { kind: 'index', index: 0 } }] }],
    ['$[0, 2]', { root: input, segments: [{ kind: 'union', indices: [0, 2] }] }],
    ["$['a','b']", { root: input, segments: [{ kind: 'union', names: ['a', 'b'] }] }],
    ['$[1:]', { root: input, segments: [{ kind: 'slice', start: 1, end: null, step: null }] }],
    ['$[:1]', { root: input, segments: [{ kind: 'slice', start: null, end: 1, step: null }] }],
    ['$[-2:10:2]', { root: input, segments: [{ kind: 'slice', start: -2, end: 10, step: 2 }] }],
    ['$[::-1]', { root: input, segments: [{ kind: 'slice', start: null, end: null, step: -1 }] }],
    // AWS does not implement JSONPath functions: `length()` is read as a member name.
    [
      '$.list.length()',
      {
        root: input,
        segments: [
          { kind: 'property', name: 'list' },
          { kind: 'property', name: 'length()' },
        ],
      },
    ],
  ];

  it.each(valid)('parses %s', (source, expected) => {
    expect(parsePath(source)).toEqual({ source, ...expected });
  });

  it('parses filters into a typed expression tree', () => {
    const path = parsePath("$.books[?(@.price < 10 && !(@.tag == 'x') || @.isbn)]");
    expect(path.segments[1]).toEqual({
      kind: 'filter',
      expression: {
        kind: 'or',
        left: {
          kind: 'and',
          left: {
            kind: 'compare',
            operator: '<',
            left: { kind: 'path', from: 'current', segments: [{ kind: 'property', name: 'price' }] },
            right: { kind: 'literal', value: 10 },
          },
          right: {
            kind: 'not',
            operand: {
              kind: 'compare',
              operator: '==',
              left: { kind: 'path', from: 'current', segments: [{ kind: 'property', name: 'tag' }] },
              right: { kind: 'literal', value: 'x' },
            },
          },
        },
        right: {
          kind: 'test',
          operand: { kind: 'path', from: 'current', segments: [{ kind: 'property', name: 'isbn' }] },
        },
      },
    });
  });

  it('parses filter literals: numbers, strings, booleans and null', () => {
    const path = parsePath('$[?(@.a != -1.5e2 && @.b == "s" && @.c == true && @.d == false && @.e == null)]');
    const literals = JSON.stringify(path).match(/"value":[^}]+/g);
    expect(literals).toEqual([
      '"value":-150',
      '"value":"s"',
      '"value":true',
      '"value":false',
      '"value":null',
    ]);
  });

  const invalid: [string, number, string][] = [
    ['', 0, 'the path is empty'],
    ['a.b', 0, "a path must start with '$'"],
    ['$.', 1, 'the path ends with a dot'],
    ['$.a.', 3, 'the path ends with a dot'],
    ['$..', 3, "expected a name, '*' or '['"],
    ['$...a', 3, "expected a name, '*' or '['"],
    ['$.[0]', 2, "expected a member name after '.'"],
    ['$.a b', 3, 'cannot contain spaces'],
    ['$[0', 1, 'unterminated bracket'],
    ["$['a'", 1, 'unterminated bracket'],
    ["$['a]", 2, 'unterminated string'],
    ['$[]', 1, 'empty brackets'],
    ['$[a]', 2, 'expected a quoted name, an index'],
    ['$[0]x', 4, "expected '.' or '['"],
    ["$['a\\q']", 4, "invalid escape '\\q'"],
    ['$[99999999999999999999]', 2, 'the integer is too large'],
    ['$.__proto__', 2, "the member name '__proto__' is not allowed"],
    ["$['constructor']", 2, "the member name 'constructor' is not allowed"],
    ["$.a['x','prototype']", 8, "the member name 'prototype' is not allowed"],
    ['$..__proto__', 3, "the member name '__proto__' is not allowed"],
    ['$[?(@.__proto__)]', 6, "the member name '__proto__' is not allowed"],
    ['$[?(@.a == )]', 11, 'expected a value'],
    ['$[?(@.a = 1)]', 8, "use '=='"],
    ['$[?(@.a =~ /x/)]', 8, 'regular expression matching is not supported'],
    ['$[?(@.a < 1]', 11, "expected ')'"],
    ['$[?(@.a < 1)', 1, 'unterminated bracket'],
    ['$[?(@.a && )]', 11, 'expected a value'],
    ['$[?(', 4, 'the filter expression is incomplete'],
    ['$[?($$.x)]', 4, 'only @ and $ paths'],
  ];

  it.each(invalid)('rejects %j at position %i (%s)', (source, position, reason) => {
    const error = catchError(() => parsePath(source));
    expect(error).toBeInstanceOf(InvalidPathError);
    expect(error).toMatchObject({ code: 'INVALID_JSONPATH', source, position });
    expect((error as InvalidPathError).reason).toContain(reason);
    expect((error as InvalidPathError).message).toContain(`at position ${position}`);
  });

  it('refuses hostile nesting with an error instead of exhausting the stack', () => {
    const source = `$[?(${'('.repeat(5000)}@.a${')'.repeat(5000)})]`;
    expect(() => parsePath(source)).toThrow(/nested too deeply/);
  });

  it('refuses filters nested inside the paths of filters, however many', () => {
    const source = `$${'[?(@'.repeat(2000)}${')]'.repeat(2000)}`;
    expect(() => parsePath(source)).toThrow(InvalidPathError);
    expect(tryParsePath(source)).toMatchObject({ ok: false });
    // A few levels are fine.
    expect(() => parsePath(`$${'[?(@'.repeat(3)}.a${')]'.repeat(3)}`)).not.toThrow();
  });
});

describe('tryParsePath', () => {
  it('returns the path on success', () => {
    expect(tryParsePath('$.a')).toEqual({ ok: true, path: parsePath('$.a') });
  });

  it('returns the error instead of throwing', () => {
    const result = tryParsePath('$.a[');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.position).toBe(3);
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
