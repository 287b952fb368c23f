import { describe, expect, it } from 'vitest';
import {
  jsonataChoiceRuleSchema,
  jsonPathChoiceRuleSchema,
  jsonPathNestedChoiceRuleSchema,
} from './choice-rules';

const accepts = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('JSONPath choice rules', () => {
  it('accept a Variable with one operator and its operand type', () => {
    expect(accepts(jsonPathChoiceRuleSchema, { Variable: '$.n', NumericEquals: 1, Next: 'A' })).toBe(true);
    expect(accepts(jsonPathChoiceRuleSchema, { Variable: '$.n', NumericEqualsPath: '$.m', Next: 'A' })).toBe(
      true,
    );
    expect(accepts(jsonPathChoiceRuleSchema, { Variable: '$.n', NumericEquals: '1', Next: 'A' })).toBe(false);
  });

  it('reject two operators in one rule, naming both', () => {
    const result = jsonPathChoiceRuleSchema.safeParse({
      Variable: '$',
      IsNull: true,
      IsString: true,
      Next: 'A',
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'A choice rule takes exactly one of its operators; found IsNull, IsString',
    ]);
  });

  it('require a Variable for comparisons and forbid it on And/Or/Not', () => {
    expect(accepts(jsonPathChoiceRuleSchema, { StringEquals: 'x', Next: 'A' })).toBe(false);
    const nested = { Variable: '$.a', IsPresent: true };
    expect(accepts(jsonPathChoiceRuleSchema, { And: [nested], Next: 'A' })).toBe(true);
    expect(accepts(jsonPathChoiceRuleSchema, { Variable: '$', Not: nested, Next: 'A' })).toBe(false);
  });

  it('require Next on top-level rules and forbid it on nested ones', () => {
    expect(accepts(jsonPathChoiceRuleSchema, { Variable: '$', IsNull: true })).toBe(false);
    expect(accepts(jsonPathNestedChoiceRuleSchema, { Variable: '$', IsNull: true, Next: 'A' })).toBe(false);
    const deep = { Or: [{ Not: { Variable: '$', IsNull: true, Next: 'A' } }], Next: 'B' };
    expect(accepts(jsonPathChoiceRuleSchema, deep)).toBe(false);
  });

  it('allow Assign only on top-level rules', () => {
    expect(
      accepts(jsonPathChoiceRuleSchema, { Variable: '$', IsNull: true, Next: 'A', Assign: { x: 1 } }),
    ).toBe(true);
    expect(accepts(jsonPathNestedChoiceRuleSchema, { Variable: '$', IsNull: true, Assign: { x: 1 } })).toBe(
      false,
    );
  });
});

describe('JSONata choice rules', () => {
  it('take a Condition, literal or expression, and no JSONPath operators', () => {
    expect(accepts(jsonataChoiceRuleSchema, { Condition: '{% true %}', Next: 'A', Output: 1 })).toBe(true);
    expect(accepts(jsonataChoiceRuleSchema, { Condition: true, Next: 'A' })).toBe(true);
    expect(accepts(jsonataChoiceRuleSchema, { Variable: '$', IsNull: true, Next: 'A' })).toBe(false);
  });
});
