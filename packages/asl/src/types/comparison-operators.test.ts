import { describe, expect, it } from 'vitest';
import {
  COMPARISON_OPERATOR_NAMES,
  COMPARISON_OPERATORS,
  isComparisonOperator,
} from './comparison-operators';

describe('COMPARISON_OPERATORS', () => {
  it('pairs every literal comparison except StringMatches with a ...Path variant that reads a path', () => {
    const literals = COMPARISON_OPERATOR_NAMES.filter(
      (name) => !name.endsWith('Path') && COMPARISON_OPERATORS[name].compares !== 'type-test',
    );
    for (const name of literals.filter((n) => n !== 'StringMatches')) {
      const variant = `${name}Path`;
      expect(isComparisonOperator(variant), variant).toBe(true);
      if (isComparisonOperator(variant)) {
        expect(COMPARISON_OPERATORS[variant]).toEqual({
          operand: 'path',
          compares: COMPARISON_OPERATORS[name].compares,
        });
      }
    }
    expect(isComparisonOperator('StringMatchesPath')).toBe(false);
  });

  it('has the six type tests, each taking a boolean', () => {
    const typeTests = COMPARISON_OPERATOR_NAMES.filter(
      (n) => COMPARISON_OPERATORS[n].compares === 'type-test',
    );
    expect(typeTests).toEqual(['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp']);
    expect(typeTests.every((n) => COMPARISON_OPERATORS[n].operand === 'boolean')).toBe(true);
  });

  it('does not mistake inherited object keys for operators', () => {
    expect(isComparisonOperator('toString')).toBe(false);
    expect(COMPARISON_OPERATOR_NAMES).toHaveLength(39);
  });
});
