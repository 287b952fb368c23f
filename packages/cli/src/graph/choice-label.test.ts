import { describe, expect, it } from 'vitest';
import { choiceLabel } from './choice-label';

describe('choiceLabel', () => {
  it.each([
    [{ Variable: '$.inStock', BooleanEquals: true }, '$.inStock == true'],
    [{ Variable: '$.name', StringEquals: 'Ada' }, '$.name == "Ada"'],
    [{ Variable: '$.total', NumericGreaterThan: 100 }, '$.total > 100'],
    [{ Variable: '$.total', NumericLessThanEquals: 5 }, '$.total <= 5'],
    [{ Variable: '$.total', NumericGreaterThanEqualsPath: '$.limit' }, '$.total >= $.limit'],
    [{ Variable: '$.at', TimestampLessThan: '2024-01-01T00:00:00Z' }, '$.at < "2024-01-01T00:00:00Z"'],
    [{ Variable: '$.file', StringMatches: '*.log' }, '$.file matches "*.log"'],
    [{ Variable: '$.x', IsPresent: false }, '$.x is absent'],
    [{ Variable: '$.x', IsNull: true }, '$.x is null'],
  ])('renders a comparison: %j', (rule, label) => {
    expect(choiceLabel(rule)).toBe(label);
  });

  it('joins And and Or, parenthesizing nested compounds, and negates Not', () => {
    const rule = {
      And: [
        { Variable: '$.a', NumericEquals: 1 },
        { Or: [{ Variable: '$.b', IsNull: true }, { Not: { Variable: '$.c', StringEquals: 'x' } }] },
      ],
    };
    expect(choiceLabel(rule)).toBe('$.a == 1 && ($.b is null || !($.c == "x"))');
  });

  it('shows the expression of a JSONata Condition without its delimiters', () => {
    expect(choiceLabel({ Condition: '{% $states.input.total > 100 %}' })).toBe('$states.input.total > 100');
  });
});
