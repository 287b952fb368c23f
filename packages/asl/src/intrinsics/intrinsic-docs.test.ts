/**
 * Every example of AWS's "Intrinsic functions for JSONPath states" page, with the input the page
 * gives and the result it promises.
 */
import { describe, expect, it } from 'vitest';
import { run } from './test-support';

const oneToNine = [1, 2, 3, 4, 5, 6, 7, 8, 9];

describe('the documented intrinsic examples', () => {
  it.each([
    ['States.Array($.Id)', { Id: 123456 }, [123456]],
    ['States.ArrayPartition($.inputArray, 4)', { inputArray: oneToNine }, [[1, 2, 3, 4], [5, 6, 7, 8], [9]]],
    ['States.ArrayContains($.inputArray, $.lookingFor)', { inputArray: oneToNine, lookingFor: 5 }, true],
    ['States.ArrayRange(1, 9, 2)', {}, [1, 3, 5, 7, 9]],
    ['States.ArrayGetItem($.inputArray, $.index)', { inputArray: oneToNine, index: 5 }, 6],
    ['States.ArrayLength($.inputArray)', { inputArray: oneToNine }, 9],
    ['States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] }, [1, 2, 3, 4]],
    ['States.Base64Encode($.input)', { input: 'Data to encode' }, 'RGF0YSB0byBlbmNvZGU='],
    ['States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' }, 'Data to encode'],
    [
      'States.Hash($.Data, $.Algorithm)',
      { Data: 'input data', Algorithm: 'SHA-1' },
      'aaff4a450a104cd177d28d18d74485e8cae074b7',
    ],
    [
      'States.JsonMerge($.json1, $.json2, false)',
      { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } },
      { a: { a3: 1, a4: 2 }, b: 2, c: 3 },
    ],
    ['States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' }, { foo: 'bar' }],
    ['States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } }, '{"foo":"bar"}'],
    ['States.MathAdd($.value1, $.step)', { value1: 111, step: -1 }, 110],
    [
      'States.StringSplit($.inputString, $.splitter)',
      { inputString: '1,2,3,4,5', splitter: ',' },
      ['1', '2', '3', '4', '5'],
    ],
    [
      'States.StringSplit($.inputString, $.splitter)',
      { inputString: 'This.is+a,test=string', splitter: '.+,=' },
      ['This', 'is', 'a', 'test', 'string'],
    ],
    ["States.Format('Hello, my name is {}.', $.name)", { name: 'Arnav' }, 'Hello, my name is Arnav.'],
    [
      'States.Format($.template, $.name)',
      { name: 'Arnav', template: 'Hello, my name is {}.' },
      'Hello, my name is Arnav.',
    ],
  ])('%s', (source, input, expected) => {
    expect(run(source, input)).toEqual(expected);
  });

  it.each([
    ['SHA-256', 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'],
    [
      'SHA-384',
      'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
    ],
    [
      'SHA-512',
      '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
    ],
  ])('States.Hash supports %s, one of the five documented algorithms', (algorithm, digest) => {
    // Digests checked against node:crypto's hex digest of the same UTF-8 text.
    expect(run(`States.Hash('input data', '${algorithm}')`)).toBe(digest);
  });

  it('States.MathRandom returns an integer from start (inclusive) to end (exclusive)', () => {
    expect(run('States.MathRandom($.start, $.end)', { start: 1, end: 999 }, { random: () => 0 })).toBe(1);
    expect(
      run('States.MathRandom($.start, $.end)', { start: 1, end: 999 }, { random: () => 0.9999999 }),
    ).toBe(998);
  });

  it('States.UUID returns a version 4 UUID', () => {
    expect(run('States.UUID()')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("reads the escapes \\' \\{ \\} and \\\\ as the reserved characters themselves", () => {
    expect(run("States.Format('It\\'s \\{\\} and a \\\\ backslash: {}', 'ok')")).toBe(
      "It's {} and a \\ backslash: ok",
    );
  });

  it('refuses a range of more than 1000 items and an index outside the array', () => {
    expect(() => run('States.ArrayRange(1, 1001, 1)')).toThrow(/more than the maximum of 1000/);
    expect(() => run('States.ArrayGetItem($.a, 9)', { a: oneToNine })).toThrow(/out of bounds/);
  });
});
