import type { z } from 'zod';
import { CatchableChain, type NotSet } from '../chain/catchable';
import { Chain, type ChainLike } from '../chain/chain';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { JsonValue, QueryLanguage } from '../types/json';
import type { CheckResultPath } from '../types/result-path';
import type {
  AfterResultPath,
  AssignedVars,
  Given,
  LanguageOf,
  SelectedResult,
  StateOutput,
} from './data-flow';
import type { ErrorHandling } from './error-handling';
import { defined, literalOrPath, pathField, templateField } from './field-emitters';
import { createNode } from './node-factory';

type Ctx = ContextObject;
type Source<I, V, T> = T | ((input: I, context: Ctx, vars: V) => T);

export interface ItemReader {
  /** e.g. `arn:aws:states:::s3:getObject` or `arn:aws:states:::s3:listObjectsV2`. */
  readonly resource: string;
  readonly readerConfig?: { readonly [key: string]: JsonValue };
  /** The reader's request, written as ASL (`Parameters` or `Arguments`). */
  readonly request?: { readonly [key: string]: JsonValue };
}

export interface ItemBatcher {
  readonly maxItemsPerBatch?: number;
  readonly maxInputBytesPerBatch?: number;
  readonly batchInput?: { readonly [key: string]: JsonValue };
}

export interface ResultWriter {
  readonly resource: string;
  readonly request?: { readonly [key: string]: JsonValue };
  readonly writerConfig?: { readonly [key: string]: JsonValue };
}

type ElementOf<T> = T extends readonly (infer E)[] ? E : never;
/** The type of one item: from ItemsPath/Items, or declared by a schema for an ItemReader. */
type ItemOf<It, IS> = IS extends z.ZodType ? z.output<IS> : ElementOf<It>;
type ProcessorInput<It, IS, Sel> = Given<Sel, ItemOf<It, IS>>;
type MapResult<PO, RW> = [RW] extends [NotSet] ? PO[] : unknown;

export interface MapConfig<I, V, It, IS, Sel, Proc, RW, S, RP, OP, O, AS, QL> extends ErrorHandling<I, V> {
  readonly comment?: string;
  readonly queryLanguage?: QL;
  /** JSONPath: the array to iterate. */
  readonly itemsPath?: (data: I, context: Ctx, vars: V) => It;
  /** JSONata: the array to iterate. */
  readonly items?: ((input: I, context: Ctx, vars: V) => It) | JsonataExpression<It>;
  /** The type of items read by an ItemReader. */
  readonly item?: IS;
  readonly itemReader?: ItemReader;
  /** Builds each iteration's input; `context.Map.Item` holds the item and its index. */
  readonly itemSelector?: (input: I, context: ContextObject<ItemOf<It, IS>>, vars: V) => Sel;
  readonly itemBatcher?: ItemBatcher;
  readonly resultWriter?: RW & ResultWriter;
  readonly mode?: 'INLINE' | 'DISTRIBUTED';
  readonly executionType?: 'STANDARD' | 'EXPRESS';
  readonly label?: string;
  readonly maxConcurrency?: Source<I, V, number>;
  readonly toleratedFailurePercentage?: Source<I, V, number>;
  readonly toleratedFailureCount?: Source<I, V, number>;
  /** The chain run for each item. */
  readonly processor: (
    start: Chain<ProcessorInput<It, IS, Sel>, ProcessorInput<It, IS, Sel>, V, V>,
  ) => ChainLike<ProcessorInput<It, IS, Sel>, Proc, V, unknown, QueryLanguage>;
  readonly resultSelector?: (results: MapResult<Proc, RW>, context: Ctx, vars: V) => S;
  readonly resultPath?: CheckResultPath<RP>;
  readonly outputPath?: (
    data: AfterResultPath<I, SelectedResult<MapResult<Proc, RW>, S>, RP>,
    context: Ctx,
    vars: V,
  ) => OP;
  readonly output?:
    | ((results: MapResult<Proc, RW>, context: Ctx, vars: V, input: I) => O)
    | JsonataExpression<O>;
  readonly assign?:
    | ((results: SelectedResult<MapResult<Proc, RW>, S>, context: Ctx, vars: V, input: I) => AS)
    | JsonataExpression<AS>;
}

/** A Map state, inline or distributed: runs `processor` for every item; its result is the array of outputs. */
export function map<
  I,
  V,
  It extends readonly unknown[] | NotSet = NotSet,
  IS extends z.ZodType | undefined = undefined,
  Sel = NotSet,
  Proc = unknown,
  RW = NotSet,
  S = NotSet,
  const RP = NotSet,
  OP = NotSet,
  O = NotSet,
  AS = NotSet,
  const QL extends QueryLanguage | undefined = undefined,
>(
  name: string,
  config: MapConfig<I, V, It, IS, Sel, Proc, RW, S, RP, OP, O, AS, QL>,
): CatchableChain<
  I,
  StateOutput<I, SelectedResult<MapResult<Proc, RW>, S>, RP, OP, O>,
  V,
  AssignedVars<V, AS>,
  LanguageOf<QL, It | S | RP | OP, O>
> {
  const processor = (
    config.processor as unknown as (
      start: Chain<unknown, unknown>,
    ) => ChainLike<unknown, unknown, unknown, unknown, QueryLanguage>
  )(new Chain(undefined)).graph;
  if (!processor) throw new RangeError(`The processor of "${name}" has no states.`);
  const distributed = config.mode === 'DISTRIBUTED' || config.itemReader !== undefined;
  const node = createNode({
    name,
    type: 'Map',
    errorHandling: true,
    config: config as unknown as Record<string, unknown>,
    scopes: [processor],
    schemas: config.item ? { input: config.item } : undefined,
    emit: (context) => {
      const lang = context.language;
      const request = lang === 'JSONata' ? 'Arguments' : 'Parameters';
      const out = defined({
        Comment: config.comment,
        ItemsPath: config.itemsPath && pathField(config.itemsPath, 'input', 'ItemsPath', lang),
        Items: config.items && templateField(config.items, 'input', 'Items', lang),
        ItemReader:
          config.itemReader &&
          defined({
            Resource: config.itemReader.resource,
            ReaderConfig: config.itemReader.readerConfig,
            [request]: config.itemReader.request,
          }),
        ItemSelector:
          config.itemSelector && templateField(config.itemSelector, 'input', 'ItemSelector', lang),
        ItemBatcher:
          config.itemBatcher &&
          defined({
            MaxItemsPerBatch: config.itemBatcher.maxItemsPerBatch,
            MaxInputBytesPerBatch: config.itemBatcher.maxInputBytesPerBatch,
            BatchInput: config.itemBatcher.batchInput,
          }),
        ItemProcessor: {
          ProcessorConfig: distributed
            ? { Mode: 'DISTRIBUTED', ExecutionType: config.executionType ?? 'STANDARD' }
            : { Mode: 'INLINE' },
          ...context.scope(processor),
        },
      });
      literalOrPath(out, 'MaxConcurrency', config.maxConcurrency, lang);
      literalOrPath(out, 'ToleratedFailurePercentage', config.toleratedFailurePercentage, lang);
      literalOrPath(out, 'ToleratedFailureCount', config.toleratedFailureCount, lang);
      const writer = config.resultWriter as ResultWriter | undefined;
      return {
        ...out,
        ...defined({
          Label: config.label,
          ResultWriter:
            writer &&
            defined({
              Resource: writer.resource,
              [request]: writer.request,
              WriterConfig: writer.writerConfig,
            }),
          ResultSelector:
            config.resultSelector && templateField(config.resultSelector, 'result', 'ResultSelector', lang),
          ResultPath: config.resultPath as string | null | undefined,
          OutputPath: config.outputPath && pathField(config.outputPath, 'input', 'OutputPath', lang),
          Output: config.output && templateField(config.output, 'result', 'Output', lang),
          Assign: config.assign && templateField(config.assign, 'result', 'Assign', lang),
        }),
      };
    },
  });
  return new CatchableChain(node);
}
