import { describe, expect, it } from 'vitest';
import { jsonata } from '../jsonata/expression';
import { rootRecorder } from '../refs/recorder';
import {
  and,
  type Condition,
  commented,
  eq,
  gt,
  isNull,
  matches,
  not,
  numeric,
  or,
  test,
  text,
  timestamp,
} from './conditions';
import { ruleToJsonata, ruleToJsonPath } from './render-rule';

const s = rootRecorder({ kind: 'input' }) as { total: number; name: string; at: string; note: string | null };

describe('Choice rules', () => {
  it('write typed comparisons as ASL operators', () => {
    expect(ruleToJsonPath(test(s.total, gt(10)))).toEqual({ Variable: '$.total', NumericGreaterThan: 10 });
    expect(ruleToJsonPath(test(s.name, eq('x')))).toEqual({ Variable: '$.name', StringEquals: 'x' });
    expect(ruleToJsonPath(test(s.at, timestamp.lte('2030-01-01T00:00:00Z')))).toEqual({
      Variable: '$.at',
      TimestampLessThanEquals: '2030-01-01T00:00:00Z',
    });
  });

  it('nest And, Or and Not', () => {
    const rule = and(test(s.total, gt(1)), or(test(s.name, matches('a*')), not(test(s.note, isNull()))));
    expect(ruleToJsonPath(rule)).toEqual({
      And: [
        { Variable: '$.total', NumericGreaterThan: 1 },
        { Or: [{ Variable: '$.name', StringMatches: 'a*' }, { Not: { Variable: '$.note', IsNull: true } }] },
      ],
    });
  });

  it('keep an And or Or of a single rule', () => {
    expect(ruleToJsonPath(and(test(s.total, gt(1))))).toEqual({
      And: [{ Variable: '$.total', NumericGreaterThan: 1 }],
    });
  });

  it('write the same rules as JSONata conditions', () => {
    const rule = and(test(s.total, gt(1)), not(test(s.note, isNull())));
    expect(ruleToJsonata(rule)).toBe('{% ($states.input.total > 1 and $not(($states.input.note = null))) %}');
  });

  it('turn StringMatches wildcards into an anchored, escaped regex', () => {
    expect(ruleToJsonata(test(s.name, matches('log.*\\*')))).toBe(
      '{% $contains($states.input.name, /^log\\..*\\*$/) %}',
    );
  });

  it('write a hand-written JSONata condition exactly as given, and wrap it only inside other rules', () => {
    const written = jsonata<boolean>('{%   $count($states.input.items) > 0 %}');
    expect(ruleToJsonata(written)).toBe('{%   $count($states.input.items) > 0 %}');
    expect(ruleToJsonata(not({ kind: 'jsonata', expression: written }))).toBe(
      '{% $not(($count($states.input.items) > 0)) %}',
    );
    expect(() => ruleToJsonPath(jsonata<boolean>('true'))).toThrow(/JSONata condition/);
  });

  it('write a constant condition in JSONata only', () => {
    expect(ruleToJsonata(true)).toBe(true);
    expect(() => ruleToJsonPath(false)).toThrow(/JSONata condition/);
  });

  it('carry comments on rules at any depth in JSONPath, on the whole rule only in JSONata', () => {
    const rule = commented(and(commented(test(s.total, gt(1)), 'big'), test(s.name, eq('x'))), 'both');
    expect(ruleToJsonPath(rule)).toEqual({
      And: [
        { Variable: '$.total', NumericGreaterThan: 1, Comment: 'big' },
        { Variable: '$.name', StringEquals: 'x' },
      ],
      Comment: 'both',
    });
    expect(ruleToJsonata(commented(test(s.total, gt(1)), 'big'))).toBe('{% $states.input.total > 1 %}');
    expect(() => ruleToJsonata(rule)).toThrow(/no Comment/);
  });

  it('compare a field with another read by a selector or given as a value', () => {
    const limit = (data: { limit: number }) => data.limit;
    // Outside `when`, nothing types the selector's data, so the condition is widened here.
    expect(ruleToJsonPath(test(s.total, numeric.lte(limit) as Condition<number>))).toEqual({
      Variable: '$.total',
      NumericLessThanEqualsPath: '$.limit',
    });
    expect(
      ruleToJsonata(test(s.at, timestamp.gt((data: { due: string }) => data.due) as Condition<string>)),
    ).toBe('{% $toMillis($states.input.at) > $toMillis($states.input.due) %}');
    expect(ruleToJsonPath(test(s.name, text.eq(s.name)))).toEqual({
      Variable: '$.name',
      StringEqualsPath: '$.name',
    });
  });
});
