import { z } from 'zod';
import {
  COMPARISON_OPERATOR_NAMES,
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  type JsonataChoiceRule,
  type JsonPathChoiceRule,
  type JsonPathNestedChoiceRule,
  type OperandKind,
} from '../types';
import { jsonObjectSchema, jsonValueSchema } from './json-value';
import { jsonataExpressionSchema } from './primitives';

const operandSchemas: Record<OperandKind, z.ZodType> = {
  string: z.string(),
  numeric: z.number(),
  boolean: z.boolean(),
  timestamp: z.string(),
  path: z.string(),
};

const operatorShape = Object.fromEntries(
  COMPARISON_OPERATOR_NAMES.map((name) => [
    name,
    operandSchemas[COMPARISON_OPERATORS[name].operand].optional(),
  ]),
) as { [K in ComparisonOperator]: z.ZodOptional<z.ZodType> };

type Ctx = z.core.$RefinementCtx<Record<string, unknown>>;

/**
 * One object shape for every JSONPath rule, then a check of which form it
 * takes. A union of forty operator objects would report forty failures
 * for one typo; this reports the one thing that is wrong.
 */
function checkRuleForm(rule: Record<string, unknown>, ctx: Ctx): void {
  const operators = COMPARISON_OPERATOR_NAMES.filter((name) => rule[name] !== undefined);
  const combinators = (['And', 'Or', 'Not'] as const).filter((name) => rule[name] !== undefined);
  const forms = operators.length + combinators.length;
  if (forms !== 1) {
    ctx.addIssue({
      code: 'custom',
      message:
        forms === 0
          ? 'A choice rule needs one comparison operator, or And, Or or Not'
          : `A choice rule takes exactly one of its operators; found ${[...operators, ...combinators].join(', ')}`,
      path: [],
    });
    return;
  }
  if (operators.length === 1 && rule.Variable === undefined) {
    ctx.addIssue({ code: 'custom', message: `${operators[0]} needs a Variable`, path: ['Variable'] });
  }
  if (combinators.length === 1 && rule.Variable !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${combinators[0]} does not take a Variable`,
      path: ['Variable'],
    });
  }
}

const ruleShape = {
  Variable: z.string().optional(),
  Comment: z.string().optional(),
  ...operatorShape,
  get And() {
    return z.array(jsonPathNestedChoiceRuleSchema).min(1).optional();
  },
  get Or() {
    return z.array(jsonPathNestedChoiceRuleSchema).min(1).optional();
  },
  get Not() {
    return jsonPathNestedChoiceRuleSchema.optional();
  },
};

/** A rule inside And/Or/Not: no Next, no Assign. */
export const jsonPathNestedChoiceRuleSchema: z.ZodType<JsonPathNestedChoiceRule> = z.lazy(() =>
  z
    .strictObject(ruleShape)
    .superRefine(checkRuleForm)
    .transform((rule) => rule as JsonPathNestedChoiceRule),
);

/** A top-level rule of a JSONPath Choice state. */
export const jsonPathChoiceRuleSchema: z.ZodType<JsonPathChoiceRule> = z
  .strictObject({ ...ruleShape, Next: z.string(), Assign: jsonObjectSchema.optional() })
  .superRefine(checkRuleForm)
  .transform((rule) => rule as JsonPathChoiceRule);

/** A rule of a JSONata Choice state; AWS also accepts a literal boolean `Condition`. */
export const jsonataChoiceRuleSchema: z.ZodType<JsonataChoiceRule> = z.strictObject({
  Condition: z.union([jsonataExpressionSchema, z.boolean()]),
  Next: z.string(),
  Comment: z.string().optional(),
  Assign: jsonObjectSchema.optional(),
  Output: jsonValueSchema.optional(),
});
