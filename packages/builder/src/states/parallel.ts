import { CatchableChain, type NotSet } from '../chain/catchable';
import { Chain, type ChainLike } from '../chain/chain';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { QueryLanguage } from '../types/json';
import type { CheckResultPath } from '../types/result-path';
import type { AfterResultPath, AssignedVars, LanguageOf, SelectedResult, StateOutput } from './data-flow';
import type { ErrorHandling } from './error-handling';
import { defined, pathField, templateField } from './field-emitters';
import { createNode } from './node-factory';

type Ctx = ContextObject;

/** One branch per element of `B`, the tuple of branch outputs. */
export type Branches<I, V, B> = {
  readonly [K in keyof B]: (start: Chain<I, I, V, V>) => ChainLike<I, B[K], V, unknown, QueryLanguage>;
};

export interface ParallelConfig<I, V, B, S, RP, OP, O, AS, QL> extends ErrorHandling<I, V> {
  readonly comment?: string;
  readonly queryLanguage?: QL;
  readonly branches: Branches<I, V, B>;
  readonly resultSelector?: (results: B, context: Ctx, vars: V) => S;
  readonly resultPath?: CheckResultPath<RP>;
  readonly outputPath?: (data: AfterResultPath<I, SelectedResult<B, S>, RP>, context: Ctx, vars: V) => OP;
  readonly output?: ((results: B, context: Ctx, vars: V, input: I) => O) | JsonataExpression<O>;
  readonly assign?:
    | ((results: SelectedResult<B, S>, context: Ctx, vars: V, input: I) => AS)
    | JsonataExpression<AS>;
}

/** A Parallel state: runs every branch on the same input; its result is the array of branch outputs. */
export function parallel<
  I,
  V,
  const B extends readonly [unknown, ...unknown[]],
  S = NotSet,
  const RP = NotSet,
  OP = NotSet,
  O = NotSet,
  AS = NotSet,
  const QL extends QueryLanguage | undefined = undefined,
>(
  name: string,
  config: ParallelConfig<I, V, B, S, RP, OP, O, AS, QL>,
): CatchableChain<
  I,
  StateOutput<I, SelectedResult<B, S>, RP, OP, O>,
  V,
  AssignedVars<V, AS>,
  LanguageOf<QL, S | RP | OP, O>
> {
  const branches = config.branches as unknown as readonly ((
    start: Chain<I, I, V, V>,
  ) => ChainLike<I, unknown, V, unknown, QueryLanguage>)[];
  const graphs = branches.map((branch, i) => {
    const graph = branch(new Chain(undefined)).graph;
    if (!graph) throw new RangeError(`Branch ${i} of "${name}" has no states.`);
    return graph;
  });
  const node = createNode({
    name,
    type: 'Parallel',
    errorHandling: true,
    config: config as unknown as Record<string, unknown>,
    scopes: graphs,
    emit: (context) => {
      const lang = context.language;
      return defined({
        Comment: config.comment,
        Branches: graphs.map((graph) => context.scope(graph)),
        ResultSelector:
          config.resultSelector && templateField(config.resultSelector, 'result', 'ResultSelector', lang),
        ResultPath: config.resultPath as string | null | undefined,
        OutputPath: config.outputPath && pathField(config.outputPath, 'input', 'OutputPath', lang),
        Output: config.output && templateField(config.output, 'result', 'Output', lang),
        Assign: config.assign && templateField(config.assign, 'result', 'Assign', lang),
      });
    },
  });
  return new CatchableChain(node);
}
