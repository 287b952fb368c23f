import type { z } from 'zod';
import { CatchableChain, type NotSet } from '../chain/catchable';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { QueryLanguage, StepwiseTypeError } from '../types/json';
import type { CheckNullablePath, CheckReadPath, NoPath, Selected } from '../types/read-path';
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
import { dataPathField, defined, literalOrPath, pathField, templateField } from './field-emitters';
import { createNode } from './node-factory';
import type { Selector, TemplateOrSelector } from './sources';

type Schema = z.ZodType;
type Ctx = ContextObject;

/**
 * The input a task accepts: its upstream data, or an error when the data it
 * hands to the resource does not fit the task's input schema. The error sits
 * in the chain's input type, so the compiler reports it where the task is
 * placed in a chain.
 */
export type CheckedInput<I, IS, Effective> = IS extends Schema
  ? [Effective] extends [z.input<IS>]
    ? I
    : StepwiseTypeError<'The task input does not match the input schema of the task'>
  : I;

type ResultOf<RS> = RS extends Schema ? z.output<RS> : unknown;

/** The paths and templates written as literals, captured so they can be checked. */
export interface TaskLiterals {
  readonly inputPath: unknown;
  readonly parameters: unknown;
  readonly resultSelector: unknown;
  readonly outputPath: unknown;
  readonly timeout: unknown;
  readonly heartbeat: unknown;
}

/** No field written as a literal path or template. */
export interface NoLiterals {
  readonly inputPath: NoPath;
  readonly parameters: NoPath;
  readonly resultSelector: NoPath;
  readonly outputPath: NoPath;
  readonly timeout: NoPath;
  readonly heartbeat: NoPath;
}

/** InputPath's selection. */
type TaskPicked<I, V, E, L extends TaskLiterals> = Selected<I, V, E, L['inputPath']>;
/** What Parameters build. */
type TaskPayload<I, V, E, P, L extends TaskLiterals> = Built<
  Given<TaskPicked<I, V, E, L>, I>,
  V,
  P,
  L['parameters']
>;
/** What ResultSelector builds. */
type TaskSelection<RS, V, S, L extends TaskLiterals> = Built<ResultOf<RS>, V, S, L['resultSelector']>;

export interface TaskConfig<I, V, IS, RS, E, P, A, S, RP, OP, O, AS, QL, L extends TaskLiterals = NoLiterals>
  extends ErrorHandling<I, V>,
    StateBasics<
      QL,
      | E
      | P
      | S
      | RP
      | OP
      | ([L['inputPath'] | L['parameters'] | L['resultSelector'] | L['outputPath']] extends [NoPath]
          ? NotSet
          : unknown),
      A | O
    > {
  /** The ARN of the Lambda function, activity or service integration. */
  readonly resource: string;
  /** What the resource accepts; checked against the data handed to it. */
  readonly input?: IS;
  /** What the resource returns; gives the result its type. */
  readonly result?: RS;
  /** JSONPath: the part of the state input the state works on. */
  readonly inputPath?: Selector<I, V, E> | CheckNullablePath<I, V, L['inputPath']>;
  /** JSONPath: the payload sent to the resource. */
  readonly parameters?: TemplateOrSelector<Given<TaskPicked<I, V, E, L>, I>, V, P, L['parameters']>;
  /** JSONata: the payload sent to the resource. */
  readonly arguments?: ((input: I, context: Ctx, vars: V) => A) | JsonataExpression<A>;
  readonly credentials?: { readonly roleArn: string | ((input: I, context: Ctx, vars: V) => string) };
  readonly timeoutSeconds?:
    | number
    | Selector<I, V, number>
    | JsonataExpression<number>
    | CheckReadPath<I, V, L['timeout'], number>;
  readonly heartbeatSeconds?:
    | number
    | Selector<I, V, number>
    | JsonataExpression<number>
    | CheckReadPath<I, V, L['heartbeat'], number>;
  /** JSONPath: reshapes the raw result. */
  readonly resultSelector?: TemplateOrSelector<ResultOf<RS>, V, S, L['resultSelector']>;
  /** JSONPath: where the result goes in the state input, as a literal path; `null` discards it. */
  readonly resultPath?: CheckResultPath<RP>;
  /** JSONPath: the part of the combined data passed on. */
  readonly outputPath?:
    | Selector<AfterResultPath<I, SelectedResult<ResultOf<RS>, TaskSelection<RS, V, S, L>>, RP>, V, OP>
    | CheckNullablePath<
        AfterResultPath<I, SelectedResult<ResultOf<RS>, TaskSelection<RS, V, S, L>>, RP>,
        V,
        L['outputPath']
      >;
  /** JSONata: the state output, from the result and the input. */
  readonly output?: ((result: ResultOf<RS>, context: Ctx, vars: V, input: I) => O) | JsonataExpression<O>;
  /** Variables to set, from the (selected) result; JSONata also offers the input. */
  readonly assign?:
    | ((
        result: SelectedResult<ResultOf<RS>, TaskSelection<RS, V, S, L>>,
        context: Ctx,
        vars: V,
        input: I,
      ) => AS)
    | JsonataExpression<AS>;
}

export type TaskOutput<I, V, RS, S, RP, OP, O, L extends TaskLiterals> = [L['outputPath']] extends [NoPath]
  ? StateOutput<I, SelectedResult<ResultOf<RS>, TaskSelection<RS, V, S, L>>, RP, OP, O>
  : // An OutputPath literal reads the data after ResultPath; computed only when one is given.
    StateOutput<
      I,
      SelectedResult<ResultOf<RS>, TaskSelection<RS, V, S, L>>,
      RP,
      Selected<
        AfterResultPath<I, SelectedResult<ResultOf<RS>, TaskSelection<RS, V, S, L>>, RP>,
        V,
        OP,
        L['outputPath']
      >,
      O
    >;

/** Groups the literal type parameters, so the config and output types stay readable. */
export interface Literals<EP, PT, ST, OPP, TP, HP> extends TaskLiterals {
  readonly inputPath: EP;
  readonly parameters: PT;
  readonly resultSelector: ST;
  readonly outputPath: OPP;
  readonly timeout: TP;
  readonly heartbeat: HP;
}

/** JSONPath-only fields written as literals commit the state to JSONPath, like their selectors. */
type PathFields<EP, PT, ST, OPP> = [EP | PT | ST | OPP] extends [NoPath] ? NotSet : unknown;

/**
 * A Task state. Its input type comes from the chain it follows; its output
 * type is computed from the result schema and the fields given.
 */
export function task<
  I,
  V,
  IS extends Schema | undefined = undefined,
  RS extends Schema | undefined = undefined,
  E = NotSet,
  P = NotSet,
  A = NotSet,
  S = NotSet,
  const RP = NotSet,
  OP = NotSet,
  O = NotSet,
  AS = NotSet,
  const QL extends QueryLanguage | undefined = undefined,
  const EP = NoPath,
  const PT = NoPath,
  const ST = NoPath,
  const OPP = NoPath,
  const TP = NoPath,
  const HP = NoPath,
>(
  name: string,
  config: TaskConfig<I, V, IS, RS, E, P, A, S, RP, OP, O, AS, QL, Literals<EP, PT, ST, OPP, TP, HP>>,
): CatchableChain<
  CheckedInput<
    I,
    IS,
    EffectiveInput<
      I,
      TaskPicked<I, V, E, Literals<EP, PT, ST, OPP, TP, HP>>,
      TaskPayload<I, V, E, P, Literals<EP, PT, ST, OPP, TP, HP>>,
      A
    >
  >,
  TaskOutput<I, V, RS, S, RP, OP, O, Literals<EP, PT, ST, OPP, TP, HP>>,
  V,
  AssignedVars<V, AS>,
  LanguageOf<QL, E | P | S | RP | OP | PathFields<EP, PT, ST, OPP>, A | O>
> {
  const fields = config as unknown as Record<string, unknown>;
  const node = createNode({
    name,
    type: 'Task',
    errorHandling: true,
    config: fields,
    schemas: { input: config.input, result: config.result },
    emit: (context) => {
      const lang = context.language;
      const out = defined({
        Comment: config.comment,
        Resource: config.resource,
        InputPath:
          config.inputPath === undefined ? undefined : dataPathField(config.inputPath, 'InputPath', lang),
        Parameters: config.parameters && templateField(config.parameters, 'input', 'Parameters', lang),
        Arguments: config.arguments && templateField(config.arguments, 'input', 'Arguments', lang),
      });
      if (config.credentials) {
        const role = config.credentials.roleArn;
        out.Credentials =
          typeof role === 'string'
            ? { RoleArn: role }
            : lang === 'JSONata'
              ? { RoleArn: pathField(role, 'input', 'Credentials.RoleArn', lang) }
              : { 'RoleArn.$': pathField(role, 'input', 'Credentials.RoleArn', lang) };
      }
      literalOrPath(out, 'TimeoutSeconds', config.timeoutSeconds, lang);
      literalOrPath(out, 'HeartbeatSeconds', config.heartbeatSeconds, lang);
      Object.assign(
        out,
        defined({
          ResultSelector:
            config.resultSelector && templateField(config.resultSelector, 'result', 'ResultSelector', lang),
          ResultPath: config.resultPath as string | null | undefined,
          OutputPath:
            config.outputPath === undefined
              ? undefined
              : dataPathField(config.outputPath, 'OutputPath', lang),
          Output: config.output && templateField(config.output, 'result', 'Output', lang),
          Assign: config.assign && templateField(config.assign, 'result', 'Assign', lang),
        }),
      );
      return out;
    },
  });
  return new CatchableChain(node);
}
