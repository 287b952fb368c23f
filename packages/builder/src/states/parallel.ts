import { CatchableChain, type NotSet } from '../chain/catchable';
import { Chain, type ChainLike, type OutputOf } from '../chain/chain';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { QueryLanguage } from '../types/json';
import type { CheckNullablePath, NoPath, Selected } from '../types/read-path';
import type { CheckResultPath } from '../types/result-path';
import type { Built } from '../types/template-paths';
import type {
  AfterResultPath,
  AssignedVars,
  EffectiveInput,
  Given,
  LanguageOf,
  SelectedResult,
  StateBasics,
  StateOutput,
} from './data-flow';
import type { ErrorHandling } from './error-handling';
import { dataPathField, defined, templateField } from './field-emitters';
import { createNode } from './node-factory';
import type { Selector, TemplateOrSelector } from './sources';

type Ctx = ContextObject;

/** One branch per element of `B`, the tuple of branch outputs. */
/**
 * One branch per element of `C`, the tuple of the branch chains. Inferring
 * the chains (not only their outputs) lets the languages their states
 * require reach the Parallel state, so a JSONata workflow rejects a JSONPath
 * state inside a branch.
 */
export type Branches<I, V, C> = {
  readonly [K in keyof C]: (start: Chain<I, I, V, V>) => C[K];
};

/** The branch outputs, in order: the Parallel state's result. */
export type BranchOutputs<C> = { readonly [K in keyof C]: OutputOf<C[K]> };

/** The languages the branches' states require. */
type BranchLanguages<C> = C extends readonly (infer Each)[]
  ? Each extends { readonly __types: { readonly language: infer L extends QueryLanguage } }
    ? L
    : never
  : never;

/** Paths and templates written as literals. */
export interface ParallelLiterals<EP = NoPath, PT = NoPath, ST = NoPath, OPP = NoPath> {
  readonly inputPath: EP;
  readonly parameters: PT;
  readonly resultSelector: ST;
  readonly outputPath: OPP;
}
type AnyLiterals = ParallelLiterals<unknown, unknown, unknown, unknown>;

type Picked<I, V, E, L extends AnyLiterals> = Given<Selected<I, V, E, L['inputPath']>, I>;
/** What every branch receives: the input after InputPath and Parameters (or Arguments). */
export type BranchInput<I, V, E, P, A, L extends AnyLiterals> = EffectiveInput<
  I,
  Picked<I, V, E, L>,
  Built<Picked<I, V, E, L>, V, P, L['parameters']>,
  A
>;
type Selection<B, V, S, L extends AnyLiterals> = Built<B, V, S, L['resultSelector']>;

export interface ParallelConfig<
  I,
  V,
  C,
  S,
  RP,
  OP,
  O,
  AS,
  QL,
  E = NotSet,
  P = NotSet,
  A = NotSet,
  L extends AnyLiterals = ParallelLiterals,
> extends ErrorHandling<I, V>,
    StateBasics<
      QL,
      | E
      | P
      | S
      | RP
      | OP
      | ([L['inputPath'] | L['parameters'] | L['outputPath']] extends [NoPath] ? NotSet : unknown),
      A | O
    > {
  /** JSONPath: the part of the input the branches work on. */
  readonly inputPath?: Selector<I, V, E> | CheckNullablePath<I, V, L['inputPath']>;
  /** JSONPath: the input every branch receives. */
  readonly parameters?: TemplateOrSelector<Picked<I, V, E, L>, V, P, L['parameters']>;
  /** JSONata: the input every branch receives. */
  readonly arguments?: ((input: I, context: Ctx, vars: V) => A) | JsonataExpression<A>;
  readonly branches: Branches<BranchInput<I, V, E, P, A, L>, V, C>;
  /** Reads the branch results; a selector, since the results are only known once the branches are typed. */
  readonly resultSelector?: Selector<BranchOutputs<C>, V, S>;
  readonly resultPath?: CheckResultPath<RP>;
  readonly outputPath?:
    | Selector<
        AfterResultPath<I, SelectedResult<BranchOutputs<C>, Selection<BranchOutputs<C>, V, S, L>>, RP>,
        V,
        OP
      >
    | CheckNullablePath<
        AfterResultPath<I, SelectedResult<BranchOutputs<C>, Selection<BranchOutputs<C>, V, S, L>>, RP>,
        V,
        L['outputPath']
      >;
  readonly output?:
    | ((results: BranchOutputs<C>, context: Ctx, vars: V, input: I) => O)
    | JsonataExpression<O>;
  readonly assign?:
    | ((
        results: SelectedResult<BranchOutputs<C>, Selection<BranchOutputs<C>, V, S, L>>,
        context: Ctx,
        vars: V,
        input: I,
      ) => AS)
    | JsonataExpression<AS>;
}

/** A Parallel state: runs every branch on the same input; its result is the array of branch outputs. */
export function parallel<
  I,
  V,
  const C extends readonly [unknown, ...unknown[]],
  S = NotSet,
  const RP = NotSet,
  OP = NotSet,
  O = NotSet,
  AS = NotSet,
  const QL extends QueryLanguage | undefined = undefined,
  E = NotSet,
  P = NotSet,
  A = NotSet,
  const EP = NoPath,
  const PT = NoPath,
  const OPP = NoPath,
>(
  name: string,
  config: ParallelConfig<I, V, C, S, RP, OP, O, AS, QL, E, P, A, ParallelLiterals<EP, PT, NoPath, OPP>>,
): CatchableChain<
  I,
  StateOutput<
    I,
    SelectedResult<
      BranchOutputs<C>,
      Selection<BranchOutputs<C>, V, S, ParallelLiterals<EP, PT, NoPath, OPP>>
    >,
    RP,
    Selected<
      AfterResultPath<
        I,
        SelectedResult<
          BranchOutputs<C>,
          Selection<BranchOutputs<C>, V, S, ParallelLiterals<EP, PT, NoPath, OPP>>
        >,
        RP
      >,
      V,
      OP,
      OPP
    >,
    O
  >,
  V,
  AssignedVars<V, AS>,
  | LanguageOf<QL, E | P | S | RP | OP | ([EP | PT | OPP] extends [NoPath] ? NotSet : unknown), A | O>
  | BranchLanguages<C>
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
        InputPath:
          config.inputPath === undefined ? undefined : dataPathField(config.inputPath, 'InputPath', lang),
        Parameters: config.parameters && templateField(config.parameters, 'input', 'Parameters', lang),
        Arguments: config.arguments && templateField(config.arguments, 'input', 'Arguments', lang),
        Branches: graphs.map((graph) => context.scope(graph)),
        ResultSelector:
          config.resultSelector && templateField(config.resultSelector, 'result', 'ResultSelector', lang),
        ResultPath: config.resultPath as string | null | undefined,
        OutputPath:
          config.outputPath === undefined ? undefined : dataPathField(config.outputPath, 'OutputPath', lang),
        Output: config.output && templateField(config.output, 'result', 'Output', lang),
        Assign: config.assign && templateField(config.assign, 'result', 'Assign', lang),
      });
    },
  });
  return new CatchableChain(node);
}
