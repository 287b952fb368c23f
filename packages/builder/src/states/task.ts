import type { z } from 'zod';
import { CatchableChain, type NotSet } from '../chain/catchable';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { QueryLanguage, StepwiseTypeError } from '../types/json';
import type { CheckResultPath } from '../types/result-path';
import type {
  AfterResultPath,
  AssignedVars,
  EffectiveInput,
  Given,
  LanguageOf,
  SelectedResult,
  StateOutput,
} from './data-flow';
import type { ErrorHandling } from './error-handling';
import { defined, literalOrPath, pathField, templateField } from './field-emitters';
import { createNode } from './node-factory';

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

export interface TaskConfig<I, V, IS, RS, E, P, A, S, RP, OP, O, AS, QL> extends ErrorHandling<I, V> {
  /** The ARN of the Lambda function, activity or service integration. */
  readonly resource: string;
  readonly comment?: string;
  readonly queryLanguage?: QL;
  /** What the resource accepts; checked against the data handed to it. */
  readonly input?: IS;
  /** What the resource returns; gives the result its type. */
  readonly result?: RS;
  /** JSONPath: the part of the state input the state works on. */
  readonly inputPath?: (data: I, context: Ctx, vars: V) => E;
  /** JSONPath: the payload sent to the resource. */
  readonly parameters?: (data: Given<E, I>, context: Ctx, vars: V) => P;
  /** JSONata: the payload sent to the resource. */
  readonly arguments?: ((input: I, context: Ctx, vars: V) => A) | JsonataExpression<A>;
  readonly credentials?: { readonly roleArn: string | ((input: I, context: Ctx, vars: V) => string) };
  readonly timeoutSeconds?: number | ((input: I, context: Ctx, vars: V) => number);
  readonly heartbeatSeconds?: number | ((input: I, context: Ctx, vars: V) => number);
  /** JSONPath: reshapes the raw result. */
  readonly resultSelector?: (result: ResultOf<RS>, context: Ctx, vars: V) => S;
  /** JSONPath: where the result goes in the state input, as a literal path; `null` discards it. */
  readonly resultPath?: CheckResultPath<RP>;
  /** JSONPath: the part of the combined data passed on. */
  readonly outputPath?: (
    data: AfterResultPath<I, SelectedResult<ResultOf<RS>, S>, RP>,
    context: Ctx,
    vars: V,
  ) => OP;
  /** JSONata: the state output, from the result and the input. */
  readonly output?: ((result: ResultOf<RS>, context: Ctx, vars: V, input: I) => O) | JsonataExpression<O>;
  /** Variables to set, from the (selected) result; JSONata also offers the input. */
  readonly assign?:
    | ((result: SelectedResult<ResultOf<RS>, S>, context: Ctx, vars: V, input: I) => AS)
    | JsonataExpression<AS>;
}

export type TaskOutput<I, RS, S, RP, OP, O> = StateOutput<I, SelectedResult<ResultOf<RS>, S>, RP, OP, O>;

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
>(
  name: string,
  config: TaskConfig<I, V, IS, RS, E, P, A, S, RP, OP, O, AS, QL>,
): CatchableChain<
  CheckedInput<I, IS, EffectiveInput<I, E, P, A>>,
  TaskOutput<I, RS, S, RP, OP, O>,
  V,
  AssignedVars<V, AS>,
  LanguageOf<QL, E | P | S | RP | OP, A | O>
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
        Resource: config.resource,
        InputPath: config.inputPath && pathField(config.inputPath, 'input', 'InputPath', lang),
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
          OutputPath: config.outputPath && pathField(config.outputPath, 'input', 'OutputPath', lang),
          Output: config.output && templateField(config.output, 'result', 'Output', lang),
          Assign: config.assign && templateField(config.assign, 'result', 'Assign', lang),
        }),
      );
      return out;
    },
  });
  return new CatchableChain(node);
}
