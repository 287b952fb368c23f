/**
 * The Choice Rule examples of AWS's "Choice workflow state" page, run on the runtime: a rule that
 * matches sends the execution to "Yes", otherwise the Default "No" is taken.
 */
import { describe, expect, it } from 'vitest';
import { specRuntime } from '../testing/spec-runtime';

async function verdict(rule: Record<string, unknown>, input: unknown): Promise<unknown> {
  const { runtime } = specRuntime();
  const result = await runtime.execute(
    {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' },
        Yes: { Type: 'Pass', Result: 'yes', End: true },
        No: { Type: 'Pass', Result: 'no', End: true },
      },
    },
    { input },
  );
  return result.status === 'SUCCEEDED' ? result.output : result;
}

describe('Choice rules, as documented', () => {
  it.each([
    ['NumericEquals 1', { Variable: '$.foo', NumericEquals: 1 }, { foo: 1 }, 'yes'],
    ['StringEquals', { Variable: '$.foo', StringEquals: 'MyString' }, { foo: 'MyString' }, 'yes'],
    [
      'StringGreaterThan',
      { Variable: '$.foo', StringGreaterThan: 'MyStringABC' },
      { foo: 'MyStringABD' },
      'yes',
    ],
    ['IsNull', { Variable: '$.possiblyNullValue', IsNull: true }, { possiblyNullValue: null }, 'yes'],
    [
      'StringMatches with *',
      { Variable: '$.foo', StringMatches: 'log-*.txt' },
      { foo: 'log-2024-01.txt' },
      'yes',
    ],
    ['StringMatches, no match', { Variable: '$.foo', StringMatches: 'log-*.txt' }, { foo: 'log.csv' }, 'no'],
    [
      'TimestampEquals',
      { Variable: '$.foo', TimestampEquals: '2001-01-01T12:00:00Z' },
      { foo: '2001-01-01T12:00:00Z' },
      'yes',
    ],
    [
      'TimestampEquals across time zones',
      { Variable: '$.foo', TimestampEquals: '2001-01-01T12:00:00Z' },
      { foo: '2001-01-01T14:00:00+02:00' },
      'yes',
    ],
    ['NumericEqualsPath', { Variable: '$.a', NumericEqualsPath: '$.b' }, { a: 2, b: 2 }, 'yes'],
    ['Not', { Not: { Variable: '$.type', StringEquals: 'Private' } }, { type: 'Public' }, 'yes'],
    [
      'And over a numeric range',
      {
        And: [
          { Variable: '$.value', NumericGreaterThanEquals: 20 },
          { Variable: '$.value', NumericLessThan: 30 },
        ],
      },
      { value: 25 },
      'yes',
    ],
  ])('%s', async (_name, rule, input, expected) => {
    expect(await verdict(rule, input)).toBe(expected);
  });

  it('treats an escaped \\* in StringMatches as a literal asterisk', async () => {
    const rule = { Variable: '$.foo', StringMatches: 'log-\\*.txt' };
    expect(await verdict(rule, { foo: 'log-*.txt' })).toBe('yes');
    expect(await verdict(rule, { foo: 'log-1.txt' })).toBe('no');
  });

  it('lets an IsPresent guard in And keep a missing field from failing the comparison after it', async () => {
    const rule = {
      And: [
        { Variable: '$.keyThatMightNotExist', IsPresent: true },
        { Variable: '$.keyThatMightNotExist', StringEquals: 'foo' },
      ],
    };
    expect(await verdict(rule, {})).toBe('no');
    expect(await verdict(rule, { keyThatMightNotExist: 'foo' })).toBe('yes');
  });

  it('fails with States.Runtime when a compared Variable is missing and nothing guards it', async () => {
    expect(await verdict({ Variable: '$.missing', StringEquals: 'foo' }, {})).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
    });
  });

  it('does not match when the value has another type than the operator compares', async () => {
    expect(await verdict({ Variable: '$.v', NumericEquals: 1 }, { v: '1' })).toBe('no');
    expect(await verdict({ Variable: '$.v', StringEquals: '1' }, { v: 1 })).toBe('no');
    expect(await verdict({ Variable: '$.v', BooleanEquals: true }, { v: 'true' })).toBe('no');
    expect(await verdict({ Variable: '$.v', TimestampLessThan: '2001-01-01T12:00:00Z' }, { v: 'soon' })).toBe(
      'no',
    );
  });
});
