import type { JsonataExpression } from '../jsonata/expression';
import { catchRecord } from '../states/error-handling';
import type { ErrorName, RetryOptions } from '../states/retry-catch';
import type { ContextObject, ErrorOutput } from '../types/context';
import type { Merge } from '../types/flat-object';
import type { QueryLanguage } from '../types/json';
import type { ApplyResultPath, CheckResultPath } from '../types/result-path';
import { Chain, type ChainLike } from './chain';
import { type Graph, single } from './graph';
import type { StateNode } from './state-node';

/** Marks a type parameter whose field was not given. */
export interface NotSet {
  readonly __notSet: true;
}

/** A branch target: a chain, or a function that extends the empty chain it is given. */
export type Branch<In, VIn, O, V, L extends QueryLanguage> =
  | ChainLike<In, O, VIn, V, L>
  | ((start: Chain<In, In, VIn, VIn>) => ChainLike<In, O, VIn, V, L>);

export function branchGraph(name: string, branch: unknown): Graph {
  const chain = typeof branch === 'function' ? branch(new Chain(undefined)) : branch;
  const graph = (chain as ChainLike<unknown, unknown, unknown, unknown, QueryLanguage>).graph;
  if (!graph) throw new RangeError(`A branch of "${name}" has no states.`);
  return graph;
}

export interface CatchSpec<In, VIn, RP, CO, CA> {
  readonly errors: readonly [ErrorName, ...ErrorName[]];
  readonly comment?: string;
  /** JSONPath: where the error goes in the state input; `null` drops it. */
  readonly resultPath?: CheckResultPath<RP>;
  /** JSONata: what the handler receives. */
  readonly output?:
    | ((error: ErrorOutput, context: ContextObject, vars: VIn, input: In) => CO)
    | JsonataExpression<CO>;
  readonly assign?: ((error: ErrorOutput, context: ContextObject, vars: VIn) => CA) | JsonataExpression<CA>;
}

/** What a Catch handler receives. */
export type HandlerInput<In, RP, CO> = CO extends NotSet
  ? RP extends NotSet
    ? ErrorOutput
    : ApplyResultPath<In, ErrorOutput, RP>
  : CO;

/** The variables a state's assignment leaves, flattened. */
export type HandlerVars<VIn, CA> = CA extends NotSet ? VIn : Merge<VIn, CA>;

/** A chain of one Task, Parallel or Map state, which can still take retriers and catchers. */
export class CatchableChain<In, Out, VIn, VOut, Lang extends QueryLanguage> extends Chain<
  In,
  Out,
  VIn,
  VOut,
  Lang
> {
  readonly #node: StateNode;

  constructor(node: StateNode) {
    super(single(node));
    this.#node = node;
  }

  /** Retries the state on the given errors. Retriers are tried in the order added. */
  retry(options: RetryOptions): CatchableChain<In, Out, VIn, VOut, Lang> {
    return new CatchableChain({ ...this.#node, retry: [...this.#node.retry, options] });
  }

  /** Sends the given errors to `handler`; the handler's open ends finish the workflow. */
  catch<
    const RP = NotSet,
    CO = NotSet,
    CA = NotSet,
    O2 = unknown,
    V2 = unknown,
    L2 extends QueryLanguage = never,
  >(
    spec: CatchSpec<In, VIn, RP, CO, CA>,
    handler: Branch<HandlerInput<In, RP, CO>, HandlerVars<VIn, CA>, O2, V2, L2>,
  ): CatchableChain<In, Out, VIn, VOut, Lang | L2> {
    const record = catchRecord(this.#node.name, spec as never, handler);
    const node: StateNode = {
      ...this.#node,
      catchers: [...this.#node.catchers, record],
      branches: [...this.#node.branches, record.handler],
    };
    return new CatchableChain(node);
  }
}
