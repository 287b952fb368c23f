import type { NotSet } from '../chain/catchable';
import { Chain } from '../chain/chain';
import { single } from '../chain/graph';
import type { JsonataExpression } from '../jsonata/expression';
import { isPlainObject } from '../template/to-jsonpath';
import type { ContextObject } from '../types/context';
import type { JsonValue, QueryLanguage } from '../types/json';
import type { CheckNullablePath, NoPath, Selected } from '../types/read-path';
import type { CheckResultPath } from '../types/result-path';
import type { Built } from '../types/template-paths';
import type { AfterResultPath, AssignedVars, Given, LanguageOf, StateBasics, StateOutput } from './data-flow';
import { dataPathField, defined, templateField } from './field-emitters';
import { createNode } from './node-factory';
import type { Selector, TemplateOrSelector } from './sources';

type Ctx = ContextObject;

/** Paths and templates written as literals: InputPath, Parameters, OutputPath. */
export interface PassLiterals<EP = NoPath, PT = NoPath, OPP = NoPath> {
  readonly inputPath: EP;
  readonly parameters: PT;
  readonly outputPath: OPP;
}

type PassPicked<I, V, E, L extends PassLiterals<unknown, unknown, unknown>> = Given<
  Selected<I, V, E, L['inputPath']>,
  I
>;
type PassPayload<I, V, E, P, L extends PassLiterals<unknown, unknown, unknown>> = Built<
  PassPicked<I, V, E, L>,
  V,
  P,
  L['parameters']
>;

export interface PassConfig<
  I,
  V,
  E,
  P,
  R,
  RP,
  OP,
  O,
  AS,
  QL,
  L extends PassLiterals<unknown, unknown, unknown> = PassLiterals,
> extends StateBasics<
    QL,
    | E
    | P
    | R
    | RP
    | OP
    | ([L['inputPath'] | L['parameters'] | L['outputPath']] extends [NoPath] ? NotSet : unknown),
    O
  > {
  readonly inputPath?: Selector<I, V, E> | CheckNullablePath<I, V, L['inputPath']>;
  readonly parameters?: TemplateOrSelector<PassPicked<I, V, E, L>, V, P, L['parameters']>;
  /** A fixed result, used in place of the input: any JSON value. */
  readonly result?: R;
  readonly resultPath?: CheckResultPath<RP>;
  readonly outputPath?:
    | Selector<AfterResultPath<I, PassResult<I, V, E, P, R, L>, RP>, V, OP>
    | CheckNullablePath<AfterResultPath<I, PassResult<I, V, E, P, R, L>, RP>, V, L['outputPath']>;
  /** JSONata: the state output. */
  readonly output?: ((input: I, context: Ctx, vars: V) => O) | JsonataExpression<O>;
  readonly assign?:
    | ((data: PassResult<I, V, E, P, R, L>, context: Ctx, vars: V) => AS)
    | JsonataExpression<AS>;
}

type PassResult<I, V, E, P, R, L extends PassLiterals<unknown, unknown, unknown>> = Given<
  R,
  Given<PassPayload<I, V, E, P, L>, PassPicked<I, V, E, L>>
>;

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
  const EP = NoPath,
  const PT = NoPath,
  const OPP = NoPath,
>(
  name: string,
  config: PassConfig<I, V, E, P, R, RP, OP, O, AS, QL, PassLiterals<EP, PT, OPP>> = {},
): Chain<
  I,
  StateOutput<
    I,
    PassResult<I, V, E, P, R, PassLiterals<EP, PT, OPP>>,
    RP,
    Selected<AfterResultPath<I, PassResult<I, V, E, P, R, PassLiterals<EP, PT, OPP>>, RP>, V, OP, OPP>,
    O
  >,
  V,
  AssignedVars<V, AS>,
  LanguageOf<QL, E | P | R | RP | OP | ([EP | PT | OPP] extends [NoPath] ? NotSet : unknown), O>
> {
  const node = createNode({
    name,
    type: 'Pass',
    config: config as Record<string, unknown>,
    emit: ({ language }) =>
      defined({
        Comment: config.comment,
        InputPath:
          config.inputPath === undefined ? undefined : dataPathField(config.inputPath, 'InputPath', language),
        Parameters: config.parameters && templateField(config.parameters, 'input', 'Parameters', language),
        Result:
          config.result === undefined
            ? undefined
            : // An object is written like a template; any other JSON value (an array, a string) as it is.
              isPlainObject(config.result)
              ? templateField(config.result, 'input', 'Result', language)
              : (structuredClone(config.result) as JsonValue),
        ResultPath: config.resultPath as string | null | undefined,
        OutputPath:
          config.outputPath === undefined
            ? undefined
            : dataPathField(config.outputPath, 'OutputPath', language),
        Output: config.output && templateField(config.output, 'input', 'Output', language),
        Assign:
          config.assign &&
          templateField(config.assign, language === 'JSONata' ? 'input' : 'result', 'Assign', language),
      }),
  });
  return new Chain(single(node));
}
