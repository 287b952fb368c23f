import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { evaluateJsonata } from './evaluate-jsonata';
import { toJsonResult } from './json-result';
import { InvalidJsonataError } from './jsonata-errors';
import { parseJsonataExpression } from './jsonata-expression';
import { LinearRegExp } from './linear-regexp';

const run = (expression: string, input: unknown = {}) =>
  evaluateJsonata(parseJsonataExpression(expression), { states: { input, context: {} } });

describe('JSONata regular expressions', () => {
  it('match patterns that backtrack exponentially in JavaScript, on long input, at once', async () => {
    const long = `${'a'.repeat(50_000)}!`;
    // Each of these takes longer than the age of the universe in a backtracking engine.
    expect(await run('{% $contains($states.input, /^(a|a)*$/) %}', long)).toBe(false);
    expect(await run('{% $contains($states.input, /^([a-z0-9]+)+$/) %}', long)).toBe(false);
    expect(await run('{% $contains($states.input, /a*a*a*a*a*b/) %}', long)).toBe(false);
  });

  it('give what JavaScript gives: matches, their index and groups, in order', async () => {
    expect(await run('{% $match("x 😀 joe@ex, al@b", /(\\w+)@(\\w+)/) %}')).toEqual([
      { match: 'joe@ex', index: 5, groups: ['joe', 'ex'] },
      { match: 'al@b', index: 13, groups: ['al', 'b'] },
    ]);
  });

  // The same expressions through jsonata's own use of JavaScript's RegExp, for patterns both take.
  it.each([
    '$match("x 😀 joe@ex, al@b", /(\\w+)@(\\w+)/)',
    '$replace("2024-01-31", /(\\d+)-(\\d+)-(\\d+)/, "$3/$2/$1")',
    '$replace("aaa", /a/, "b", 2)',
    '$split("a1b22c", /\\d+/)',
    '$split("a1b22c3", /\\d/, 2)',
    '$contains("Say HELLO", /hello/i)',
    '$match("one\\ntwo", /^t\\w+$/m)',
    '$match("ab", /(x)?b/)',
    '$match("Ünïcödé wörds", /[a-zö]+/i)',
    '$replace("a.b.c", /\\./, function($m) { "[" & $m.match & "]" })',
    '$match("aaa", /a{2}/)',
    '$match("tab\\there", /\\s/)',
    '$match("a\\ud800b\\udc00c", /b./)',
    '$match("a\\rb", /a.b/)',
    '$contains("a\\u00a0b", /a\\sb/)',
    '$split("a,\\u3000b", /[\\s,]+/)',
    '$match("x\\u00a0y z", /\\S+/)',
  ])('%s', async (body) => {
    const native = toJsonResult(await jsonata(body).evaluate({}));
    expect(await run(`{% ${body} %}`)).toEqual(native);
  });

  it('still refuse a pattern that matches the empty string where jsonata needs progress', async () => {
    await expect(run('{% $match("abc", /x*/) %}')).rejects.toThrow(/zero length/);
  });

  it.each([
    ['a backreference', '/(a)\\1/'],
    ['a lookahead', '/a(?=b)/'],
    ['a lookbehind', '/(?<=a)b/'],
  ])('refuse %s when the expression is compiled, naming the pattern', (_, literal) => {
    const compile = () => parseJsonataExpression(`{% $contains($states.input, ${literal}) %}`);
    expect(compile).toThrow(InvalidJsonataError);
    expect(compile).toThrow(/cannot be matched in linear time/);
  });
});

describe('LinearRegExp', () => {
  it('walks the matches of a string through lastIndex, as a global RegExp does', () => {
    const regex = new LinearRegExp(/o/g);
    const found: number[] = [];
    for (let match = regex.exec('foo boo'); match; match = regex.exec('foo boo')) found.push(match.index);
    expect(found).toEqual([1, 2, 5, 6]);
    expect(regex.lastIndex).toBe(0);
  });

  it('gives undefined for a group that took no part in the match', () => {
    const match = new LinearRegExp(/(x)|(y)/g).exec('y');
    expect([...(match ?? [])]).toEqual(['y', undefined, 'y']);
  });
});
