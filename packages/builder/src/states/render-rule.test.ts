import { describe, expect, it } from 'vitest';
import { jsonata } from '../jsonata/expression';
import { rootRecorder } from '../refs/recorder';
import { and, eq, gt, isNull, matches, not, or, test, timestamp } from './conditions';
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

  it('write the same rules as JSONata conditions', () => {
    const rule = and(test(s.total, gt(1)), not(test(s.note, isNull())));
    expect(ruleToJsonata(rule)).toBe('{% ($states.input.total > 1 and $not(($states.input.note = null))) %}');
  });

  it('turn StringMatches wildcards into an anchored, escaped regex', () => {
    expect(ruleToJsonata(test(s.name, matches('log.*\\*')))).toBe(
      '{% $contains($states.input.name, /^log\\..*\\*$/) %}',
    );
  });

  it('take hand-written JSONata conditions in JSONata only', () => {
    expect(ruleToJsonata(jsonata<boolean>('$count($states.input.items) > 0'))).toBe(
      '{% ($count($states.input.items) > 0) %}',
    );
    expect(() => ruleToJsonPath(jsonata<boolean>('true'))).toThrow(/JSONata condition/);
  });
});
