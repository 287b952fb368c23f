import { type Branch, branchGraph } from '../chain/catchable';
import { Chain, type ChainTypes } from '../chain/chain';
import { type Graph, single } from '../chain/graph';
import type { StateNode } from '../chain/state-node';
import { DanglingBranchError } from '../errors';
import { invokeSelector } from '../template/invoke';
import type { ContextObject } from '../types/context';
import type { JsonValue, QueryLanguage } from '../types/json';
import { type Condition, type RuleLike, test } from './conditions';
import { createNode } from './node-factory';
import { ruleToJsonata, ruleToJsonPath } from './render-rule';

type Ctx = ContextObject;

export interface ChoiceConfig<QL> {
  readonly comment?: string;
  readonly queryLanguage?: QL;
}

interface ChoiceRule {
  readonly build: (data: unknown, context: unknown, vars: unknown) => RuleLike;
  readonly target: Graph;
}

interface ChoiceParts {
  readonly name: string;
  readonly config: ChoiceConfig<QueryLanguage | undefined>;
  readonly rules: readonly ChoiceRule[];
  readonly otherwise: Graph | undefined;
  readonly index: number | undefined;
}

/**
 * A Choice state. Rules are tried in the order added; the chain continues
 * from the open ends of every branch, so `.next()` after a Choice joins them.
 */
export class ChoiceChain<I, V, Out, VOut, Lang extends QueryLanguage> extends Chain<I, Out, V, VOut, Lang> {
  readonly #parts: ChoiceParts;

  constructor(parts: ChoiceParts) {
    const node = choiceNode(parts);
    const branches = node.branches;
    const ends = [...new Set(branches.flatMap((b) => b.ends))];
    super(single(node, ends));
    this.#parts = { ...parts, index: node.index };
  }

  /** Goes to `then` when the selected field passes `check`: `.when((s) => s.total, gt(100), big)`. */
  when<T, O2, V2, L2 extends QueryLanguage = never>(
    select: (data: I, context: Ctx, vars: V) => T,
    check: Condition<NonNullable<T>>,
    then: Branch<I, V, O2, V2, L2>,
  ): ChoiceChain<I, V, Out | O2, VOut | V2, Lang | L2> {
    return this.whenRule((data, context, vars) => test(select(data, context, vars), check as never), then);
  }

  /** Goes to `then` when a combined rule holds: `.whenRule((s) => and(test(s.a, gt(1)), ...), next)`. */
  whenRule<O2, V2, L2 extends QueryLanguage = never>(
    build: (data: I, context: Ctx, vars: V) => RuleLike,
    then: Branch<I, V, O2, V2, L2>,
  ): ChoiceChain<I, V, Out | O2, VOut | V2, Lang | L2> {
    const rule: ChoiceRule = {
      build: build as ChoiceRule['build'],
      target: branchGraph(this.#parts.name, then),
    };
    return new ChoiceChain({ ...this.#parts, rules: [...this.#parts.rules, rule] });
  }

  /** Where to go when no rule matches (`Default`). */
  otherwise<O2, V2, L2 extends QueryLanguage = never>(
    then: Branch<I, V, O2, V2, L2>,
  ): ChoiceChain<I, V, Out | O2, VOut | V2, Lang | L2> {
    return new ChoiceChain({ ...this.#parts, otherwise: branchGraph(this.#parts.name, then) });
  }
}

function choiceNode(parts: ChoiceParts): StateNode {
  const branches = [...parts.rules.map((r) => r.target), ...(parts.otherwise ? [parts.otherwise] : [])];
  const node = createNode({
    name: parts.name,
    type: 'Choice',
    config: parts.config as Record<string, unknown>,
    terminal: true,
    branches,
    emit: (context) => {
      if (parts.rules.length === 0) throw new DanglingBranchError(parts.name, 'is a Choice without rules');
      const choices: JsonValue[] = parts.rules.map((rule) => {
        const built = rule.build(...(recorders() as [unknown, unknown, unknown]));
        const next = context.nameOf(rule.target);
        const written: Record<string, JsonValue> =
          context.language === 'JSONata' ? { Condition: ruleToJsonata(built) } : ruleToJsonPath(built);
        written.Next = next;
        return written;
      });
      const out: Record<string, JsonValue> = {};
      if (parts.config.comment !== undefined) out.Comment = parts.config.comment;
      out.Choices = choices;
      if (parts.otherwise) out.Default = context.nameOf(parts.otherwise);
      return out;
    },
  });
  // Copies made by `when`/`otherwise` keep the position of the original.
  return parts.index === undefined ? node : { ...node, index: parts.index };
}

function recorders(): unknown[] {
  let captured: unknown[] = [];
  invokeSelector(
    ((...args: unknown[]) => {
      captured = args;
    }) as never,
    'input',
  );
  return captured;
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
  R extends ChoiceChain<I, V, unknown, unknown, QueryLanguage>,
  const QL extends QueryLanguage | undefined = undefined,
>(
  name: string,
  build: (rules: ChoiceChain<I, V, never, never, never>) => R,
  config: ChoiceConfig<QL> = {},
): ChoiceChain<I, V, Parts<R>[0], Parts<R>[1], Parts<R>[2] | (QL extends QueryLanguage ? QL : never)> {
  const empty = new ChoiceChain<I, V, never, never, never>({
    name,
    config,
    rules: [],
    otherwise: undefined,
    index: undefined,
  });
  return build(empty) as never;
}
