import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePath, PATH_NOT_FOUND } from './compile-path';
import { parsePath } from './parse-path';

const store = {
  store: {
    book: [
      { category: 'reference', author: 'Rees', title: 'Sayings', price: 8.95 },
      { category: 'fiction', author: 'Waugh', title: 'Sword', price: 12.99 },
      { category: 'fiction', author: 'Melville', title: 'Moby Dick', isbn: '0-553', price: 8.99 },
      { category: 'fiction', author: 'Tolkien', title: 'The Lord', isbn: '0-395', price: 22.99 },
    ],
    bicycle: { color: 'red', price: 19.95 },
  },
};

function evaluate(source: string, input: unknown = store) {
  return compilePath(source).evaluate({ input });
}

describe('compilePath: definite paths yield one value', () => {
  it.each([
    ['$', store],
    ['$.store.bicycle.color', 'red'],
    ['$.store.book[0].author', 'Rees'],
    ["$['store']['book'][1]['title']", 'Sword'],
    ['$.store.book[-1].author', 'Tolkien'],
  ])('%s', (source, value) => {
    expect(evaluate(source)).toEqual({ found: true, value });
  });

  it.each([
    ['a missing member', '$.store.car'],
    ['a member of a missing member', '$.store.car.wheels'],
    ['an index past the end', '$.store.book[4]'],
    ['a negative index before the start', '$.store.book[-5]'],
    ['an index into an object', '$.store.bicycle[0]'],
    ['a member of an array', '$.store.book.length'],
    ['a member of a string', '$.store.bicycle.color.length'],
    ['a member named like a function, which AWS does not evaluate', '$.store.book.length()'],
  ])('reports %s as not found', (_, source) => {
    expect(evaluate(source)).toEqual({ found: false });
  });

  it('returns null when the value is null, which is different from not found', () => {
    expect(evaluate('$.a', { a: null })).toEqual({ found: true, value: null });
  });

  it('reads the context object and variables', () => {
    const scope = {
      input: {},
      context: { Execution: { Id: 'arn:x' } },
      variables: new Map<string, unknown>([['order', { items: ['a', 'b'] }]]),
    };
    expect(compilePath('$$.Execution.Id').evaluate(scope)).toEqual({ found: true, value: 'arn:x' });
    expect(compilePath('$order.items[1]').evaluate(scope)).toEqual({ found: true, value: 'b' });
    expect(compilePath('$order').evaluate(scope)).toEqual({ found: true, value: { items: ['a', 'b'] } });
    expect(compilePath('$other').evaluate(scope)).toEqual({ found: false });
    expect(compilePath('$$').evaluate({ input: {} })).toEqual({ found: false });
  });

  it('treats keys such as __proto__ and hasOwnProperty in data as plain data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "hasOwnProperty": 1, "toString": "t"}');
    expect(evaluate('$.hasOwnProperty', input)).toEqual({ found: true, value: 1 });
    expect(evaluate('$.toString', input)).toEqual({ found: true, value: 't' });
    expect(evaluate('$.valueOf', input)).toEqual({ found: false });
    expect(evaluate('$.*', input)).toEqual({ found: true, value: [{ polluted: true }, 1, 't'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts an already parsed path', () => {
    const compiled = compilePath(parsePath('$.a'));
    expect(compiled.source).toBe('$.a');
    expect(compiled.definite).toBe(true);
  });
});

describe('compilePath: general paths yield the list of matches', () => {
  it.each([
    ['$.store.book[*].author', ['Rees', 'Waugh', 'Melville', 'Tolkien']],
    ['$.store.book[0,2].title', ['Sayings', 'Moby Dick']],
    ["$.store.bicycle['color','price']", ['red', 19.95]],
    ['$.store.book[1:3].author', ['Waugh', 'Melville']],
    ['$.store.book[-1:].author', ['Tolkien']],
    ['$.store.book[::2].author', ['Rees', 'Melville']],
    ['$.store.book[::-1].author', ['Tolkien', 'Melville', 'Waugh', 'Rees']],
    ['$.store.book[0:4:0]', []],
    ['$..author', ['Rees', 'Waugh', 'Melville', 'Tolkien']],
    ['$.store..price', [8.95, 12.99, 8.99, 22.99, 19.95]],
    ['$.store.book[*].isbn', ['0-553', '0-395']],
    ['$.store.bicycle.*', ['red', 19.95]],
    ['$.store.book[?(@.isbn)].title', ['Moby Dick', 'The Lord']],
    ['$.store.book[?(@.price < 10)].title', ['Sayings', 'Moby Dick']],
    ["$.store.book[?(@.category == 'fiction' && @.price > 20)].title", ['The Lord']],
    ["$.store.book[?(@.author == 'Rees' || @.author == 'Waugh')].price", [8.95, 12.99]],
    ['$.store.book[?(!@.isbn)].title', ['Sayings', 'Sword']],
    ['$.store.book[?(@.price > $.store.bicycle.price)].title', ['The Lord']],
    ['$.nothing[*]', []],
  ])('%s', (source, value) => {
    expect(evaluate(source)).toEqual({ found: true, value });
  });

  it('walks descendants in document order, the node itself first', () => {
    expect(evaluate('$..*', { a: { b: 1 }, c: [2] })).toEqual({ found: true, value: [{ b: 1 }, [2], 1, 2] });
  });

  it('walks very deep data without exhausting the stack', () => {
    let deep: unknown = { leaf: 1 };
    for (let i = 0; i < 20000; i++) deep = { next: deep };
    expect(evaluate('$..leaf', deep)).toEqual({ found: true, value: [1] });
  });

  it('tests an object filter against the object itself', () => {
    expect(evaluate("$.bike[?(@.color == 'red')]", { bike: { color: 'red' } })).toEqual({
      found: true,
      value: [{ color: 'red' }],
    });
  });
});

/** Every `.$` path in the recorded AWS corpus whose definition is a single Pass state over Parameters. */
describe('CompiledPath.read: the value, or PATH_NOT_FOUND, without a result object', () => {
  it.each([
    ['$.a.b', { a: { b: 0 } }],
    ['$.a[1]', { a: [1, null] }],
    ['$.a[*]', { a: [1, 2] }],
    ['$.missing', { a: 1 }],
    ['$.a[5]', { a: [1] }],
    ['$..x', { a: { x: 1 } }],
  ])('agrees with evaluate for %s', (source, input) => {
    const compiled = compilePath(source);
    const result = compiled.evaluate({ input });
    const value = compiled.read({ input });
    if (result.found) expect(value).toEqual(result.value);
    else expect(value).toBe(PATH_NOT_FOUND);
  });

  it('tells a null or false value from a miss', () => {
    expect(compilePath('$.a').read({ input: { a: null } })).toBeNull();
    expect(compilePath('$.a').read({ input: { a: false } })).toBe(false);
    expect(compilePath('$.a').read({ input: {} })).toBe(PATH_NOT_FOUND);
    expect(compilePath('$$.Task').read({ input: {} })).toBe(PATH_NOT_FOUND);
  });
});

describe('compilePath against the AWS conformance corpus', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const casesDir = path.resolve(here, '../../../../../shared/conformance/cases/pass_paths');
  const cases = readdirSync(casesDir)
    .map((file) => JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')))
    .filter((c) => isSinglePassWithParameters(c.definition) && c.expected.status === 'SUCCEEDED');

  it('finds the recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map((c) => [c.id, c]))('%s', (_, c) => {
    const state = Object.values(c.definition.States)[0] as { Parameters: Record<string, string> };
    for (const [key, source] of Object.entries(state.Parameters)) {
      const result = compilePath(source).evaluate({ input: c.input });
      expect(result).toEqual({ found: true, value: c.expected.output[key.slice(0, -2)] });
    }
  });
});

function isSinglePassWithParameters(definition: {
  States: Record<string, { Type: string; Parameters?: object }>;
}) {
  const states = Object.values(definition.States);
  return states.length === 1 && states[0]?.Type === 'Pass' && states[0].Parameters !== undefined;
}
