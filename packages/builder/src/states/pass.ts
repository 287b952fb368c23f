import type { NotSet } from '../chain/catchable';
import { Chain } from '../chain/chain';
import { single } from '../chain/graph';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { QueryLanguage } from '../types/json';
import type { CheckResultPath } from '../types/result-path';
import type { AfterResultPath, AssignedVars, Given, LanguageOf, StateOutput } from './data-flow';
import { defined, pathField, templateField } from './field-emitters';
import { createNode } from './node-factory';

type Ctx = ContextObject;

export interface PassConfig<I, V, E, P, R, RP, OP, O, AS, QL> {
  readonly comment?: string;
  readonly queryLanguage?: QL;
  readonly inputPath?: (data: I, context: Ctx, vars: V) => E;
  readonly parameters?: (data: Given<E, I>, context: Ctx, vars: V) => P;
  /** A fixed result, used in place of the input. */
  readonly result?: R;
  readonly resultPath?: CheckResultPath<RP>;
  readonly outputPath?: (data: AfterResultPath<I, PassResult<I, E, P, R>, RP>, context: Ctx, vars: V) => OP;
  /** JSONata: the state output. */
  readonly output?: ((input: I, context: Ctx, vars: V) => O) | JsonataExpression<O>;
  readonly assign?: ((data: PassResult<I, E, P, R>, context: Ctx, vars: V) => AS) | JsonataExpression<AS>;
}

type PassResult<I, E, P, R> = Given<R, Given<P, Given<E, I>>>;

/** A Pass state: passes its input on, reshaped or replaced. */
export function pass<
  I,
  V,
  E = NotSet,
  P = NotSet,
  const R = NotSet,
  const RP = NotSet,
  OP = NotSet,
  O = NotSet,
  AS = NotSet,
  const QL extends QueryLanguage | undefined = undefined,
>(
  name: string,
  config: PassConfig<I, V, E, P, R, RP, OP, O, AS, QL> = {},
): Chain<
  I,
  StateOutput<I, PassResult<I, E, P, R>, RP, OP, O>,
  V,
  AssignedVars<V, AS>,
  LanguageOf<QL, E | P | R | RP | OP, O>
> {
  const node = createNode({
    name,
    type: 'Pass',
    config: config as Record<string, unknown>,
    emit: ({ language }) =>
      defined({
        Comment: config.comment,
        InputPath: config.inputPath && pathField(config.inputPath, 'input', 'InputPath', language),
        Parameters: config.parameters && templateField(config.parameters, 'input', 'Parameters', language),
        Result:
          config.result === undefined ? undefined : templateField(config.result, 'input', 'Result', language),
        ResultPath: config.resultPath as string | null | undefined,
        OutputPath: config.outputPath && pathField(config.outputPath, 'input', 'OutputPath', language),
        Output: config.output && templateField(config.output, 'input', 'Output', language),
        Assign:
          config.assign &&
          templateField(config.assign, language === 'JSONata' ? 'input' : 'result', 'Assign', language),
      }),
  });
  return new Chain(single(node));
}
