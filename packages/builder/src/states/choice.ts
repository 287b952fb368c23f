import type { NotSet } from '../chain/catchable';
import { type Branch, branchGraph } from '../chain/catchable';
import { Chain, type ChainTypes } from '../chain/chain';
import { single } from '../chain/graph';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { QueryLanguage } from '../types/json';
import type { CheckNullablePath, CheckReadPath, NoPath, Selected } from '../types/read-path';
import { type ChoiceConfig, type ChoiceParts, type ChoiceRule, choiceNode } from './choice-node';
import { type Condition, type RuleLike, test } from './conditions';
import type { AssignedVars, Given } from './data-flow';
import type { Selector } from './sources';

type Ctx = ContextObject;

/**
 * A rule's target with what the rule does on the way: `Assign` (both
 * languages) and `Output` (JSONata), which replaces the data the target receives.
 */
export interface RuleTarget<I, V, BI, BV, AS, RO, O2, V2, L2 extends QueryLanguage> {
  /** The rule's `Comment`. */
  readonly comment?: string;
  readonly assign?: ((data: I, context: Ctx, vars: V) => AS) | JsonataExpression<AS>;
  readonly output?: ((data: I, context: Ctx, vars: V) => RO) | JsonataExpression<RO>;
  /** Typed by the rule's Output and Assign, which are inferred from those fields alone. */
  readonly next: Branch<NoInfer<Given<RO, BI>>, NoInfer<AssignedVars<BV, AS>>, O2, V2, L2>;
}

/** The rule `when` builds from a selector (or path) and a condition. */
function ruleOf(select: unknown, check: unknown) {
  return (data: unknown, context: unknown, vars: unknown): RuleLike =>
    test(
      typeof select === 'string'
        ? select
        : (select as (d: unknown, c: unknown, v: unknown) => unknown)(data, context, vars),
      check as never,
    );
}

/**
 * A Choice state. Rules are tried in the order added; the chain continues
 * from the open ends of every branch, so `.next()` after a Choice joins them.
 */
export class ChoiceChain<I, V, Out, VOut, Lang extends QueryLanguage, BI = I, BV = V> extends Chain<
  I,
  Out,
  V,
  VOut,
  Lang
> {
  readonly #parts: ChoiceParts;

  constructor(parts: ChoiceParts) {
    const node = choiceNode(parts);
    const branches = node.branches;
    const ends = [...new Set(branches.flatMap((b) => b.ends))];
    super(single(node, ends));
    this.#parts = { ...parts, index: node.index };
  }

  /** Goes to `then` when the selected field passes `check`: `.when((s) => s.total, gt(100), big)`. */
  when<T, O2, V2, L2 extends QueryLanguage = never, const SP = NoPath>(
    select: Selector<I, V, T> | CheckReadPath<I, V, SP>,
    check: Condition<NonNullable<Selected<I, V, T, SP>>, I, V>,
    then: Branch<BI, BV, O2, V2, L2>,
  ): ChoiceChain<I, V, Out | O2, VOut | V2, Lang | L2, BI, BV> {
    return this.whenRuleWith(ruleOf(select, check), { next: then } as never) as never;
  }

  /** `when`, with the rule's own `Assign` and (JSONata) `Output`: `{ assign, output, next }`. */
  whenWith<T, O2, V2, L2 extends QueryLanguage = never, const SP = NoPath, AS = NotSet, RO = NotSet>(
    select: Selector<I, V, T> | CheckReadPath<I, V, SP>,
    check: Condition<NonNullable<Selected<I, V, T, SP>>, I, V>,
    then: RuleTarget<I, V, BI, BV, AS, RO, O2, V2, L2>,
  ): ChoiceChain<I, V, Out | O2, VOut | V2, Lang | L2, BI, BV> {
    return this.whenRuleWith(ruleOf(select, check), then as never) as never;
  }

  /** Goes to `then` when a combined rule holds: `.whenRule((s) => and(test(s.a, gt(1)), ...), next)`. */
  whenRule<O2, V2, L2 extends QueryLanguage = never>(
    build: (data: I, context: Ctx, vars: V) => RuleLike,
    then: Branch<BI, BV, O2, V2, L2>,
  ): ChoiceChain<I, V, Out | O2, VOut | V2, Lang | L2, BI, BV> {
    return this.whenRuleWith(build, { next: then } as never) as never;
  }

  /** `whenRule`, with the rule's own `Assign` and (JSONata) `Output`. */
  whenRuleWith<O2, V2, L2 extends QueryLanguage = never, AS = NotSet, RO = NotSet>(
    build: (data: I, context: Ctx, vars: V) => RuleLike,
    then: RuleTarget<I, V, BI, BV, AS, RO, O2, V2, L2>,
  ): ChoiceChain<I, V, Out | O2, VOut | V2, Lang | L2, BI, BV> {
    const rule: ChoiceRule = {
      build: build as ChoiceRule['build'],
      target: branchGraph(this.#parts.name, then.next),
      assign: then.assign,
      output: then.output,
      comment: then.comment,
    };
    return new ChoiceChain({ ...this.#parts, rules: [...this.#parts.rules, rule] });
  }

  /** Where to go when no rule matches (`Default`); it receives the state output. */
  otherwise<O2, V2, L2 extends QueryLanguage = never>(
    then: Branch<BI, BV, O2, V2, L2>,
  ): ChoiceChain<I, V, Out | O2, VOut | V2, Lang | L2, BI, BV> {
    return new ChoiceChain({ ...this.#parts, otherwise: branchGraph(this.#parts.name, then) });
  }

  /** JSONPath `InputPath`: the rules test the selected part. Give it before any rule. */
  inputPath<T, const P = NoPath>(
    select: Selector<I, V, T> | CheckNullablePath<I, V, P>,
  ): ChoiceChain<Selected<I, V, T, P>, V, Out, VOut, Lang | 'JSONPath'> {
    return new ChoiceChain({ ...this.#parts, fields: { ...this.#parts.fields, inputPath: select } });
  }

  /** JSONPath `OutputPath`: what every branch receives. Give it before any rule. */
  outputPath<T, const P = NoPath>(
    select: Selector<I, V, T> | CheckNullablePath<I, V, P>,
  ): ChoiceChain<I, V, Out, VOut, Lang | 'JSONPath', Selected<I, V, T, P>, BV> {
    return new ChoiceChain({ ...this.#parts, fields: { ...this.#parts.fields, outputPath: select } });
  }

  /** JSONata `Output`: what every branch receives. Give it before any rule. */
  output<O>(
    build: ((data: I, context: Ctx, vars: V) => O) | JsonataExpression<O>,
  ): ChoiceChain<I, V, Out, VOut, Lang | 'JSONata', O, BV> {
    return new ChoiceChain({ ...this.#parts, fields: { ...this.#parts.fields, output: build } });
  }

  /** The state's `Assign`, for the branches whose rule assigns nothing. Give it before any rule. */
  assign<AS>(
    build: ((data: I, context: Ctx, vars: V) => AS) | JsonataExpression<AS>,
  ): ChoiceChain<I, V, Out, VOut, Lang, BI, AssignedVars<BV, AS>> {
    return new ChoiceChain({ ...this.#parts, fields: { ...this.#parts.fields, assign: build } });
  }
}

/** What a chain carries, read back from its type. */
type Parts<C> = C extends { readonly __types: ChainTypes<never, infer O, never, infer VO, infer L> }
  ? [O, VO, L]
  : never;

/**
 * A Choice state. `build` receives an empty Choice typed with the data that
 * reaches it; add rules with `.when` and a default with `.otherwise`:
 * `choice('Check', (c) => c.when((s) => s.inStock, eq(true), ship).otherwise(notify))`.
 */
export function choice<
  I,
  V,
  // Only what the chain carries: the rules may test a part selected by `inputPath`.
  R extends { readonly __types: ChainTypes<never, unknown, never, unknown, QueryLanguage> },
  const QL extends QueryLanguage | undefined = undefined,
>(
  name: string,
  build: (rules: ChoiceChain<I, V, never, never, never>) => R,
  config: ChoiceConfig<QL> = {},
): ChoiceChain<I, V, Parts<R>[0], Parts<R>[1], Parts<R>[2] | (QL extends QueryLanguage ? QL : never)> {
  const empty = new ChoiceChain<I, V, never, never, never>({
    name,
    config,
    fields: {},
    rules: [],
    otherwise: undefined,
    index: undefined,
  });
  return build(empty) as never;
}
export type { ChoiceConfig } from './choice-node';
