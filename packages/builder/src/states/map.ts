import type { z } from 'zod';
import { CatchableChain, type NotSet } from '../chain/catchable';
import { Chain, type ChainLike } from '../chain/chain';
import type { JsonataExpression } from '../jsonata/expression';
import type { ContextObject } from '../types/context';
import type { QueryLanguage } from '../types/json';
import type { CheckNullablePath, CheckReadPath, NoPath, Selected } from '../types/read-path';
import type { CheckResultPath } from '../types/result-path';
import type { CheckTemplate } from '../types/template-paths';
import type {
  AfterResultPath,
  AssignedVars,
  Given,
  LanguageOf,
  SelectedResult,
  StateBasics,
  StateOutput,
} from './data-flow';
import type { ErrorHandling } from './error-handling';
import { dataPathField, defined, literalOrPath, pathField, templateField } from './field-emitters';
import { type ItemBatcher, type ItemReader, objectField, type ResultWriter } from './map-distributed';
import type {
  AnyLiterals,
  Item,
  MapLiterals,
  MapResult,
  Picked,
  ProcessorInput,
  Selection,
} from './map-types';
import { createNode } from './node-factory';
import type { Selector } from './sources';

type Ctx = ContextObject;
type Source<I, V, T> = T | ((input: I, context: Ctx, vars: V) => T);

export interface MapConfig<
  I,
  V,
  It,
  IS,
  Sel,
  Proc,
  RW,
  S,
  RP,
  OP,
  O,
  AS,
  QL,
  E = NotSet,
  L extends AnyLiterals = MapLiterals,
  PL extends QueryLanguage = QueryLanguage,
  ItJ = NotSet,
  MCP = NoPath,
> extends ErrorHandling<I, V>,
    StateBasics<
      QL,
      | E
      | S
      | RP
      | OP
      | ([L['inputPath'] | L['itemsPath'] | L['itemSelector'] | L['outputPath']] extends [NoPath]
          ? NotSet
          : unknown),
      O
    > {
  /** JSONPath: the part of the input the Map works on (ItemsPath and ItemSelector read it). */
  readonly inputPath?: Selector<I, V, E> | CheckNullablePath<I, V, L['inputPath']>;
  /** JSONPath: the array to iterate. */
  readonly itemsPath?:
    | Selector<Picked<I, V, E, L>, V, It>
    | CheckReadPath<Picked<I, V, E, L>, V, L['itemsPath']>;
  /** JSONata: the array to iterate. */
  readonly items?: ((input: I, context: Ctx, vars: V) => ItJ) | JsonataExpression<ItJ>;
  /** The type of items read by an ItemReader. */
  readonly item?: IS;
  readonly itemReader?: ItemReader;
  /** Builds each iteration's input; `context.Map.Item` holds the item and its index. */
  readonly itemSelector?:
    | ((
        input: Picked<I, V, E, L>,
        context: ContextObject<Item<I, V, E, Given<ItJ, It>, IS, L>>,
        vars: V,
      ) => Sel)
    | CheckTemplate<
        Picked<I, V, E, L>,
        V,
        L['itemSelector'],
        ContextObject<Item<I, V, E, Given<ItJ, It>, IS, L>>
      >;
  readonly itemBatcher?: ItemBatcher;
  readonly resultWriter?: RW & ResultWriter;
  readonly mode?: 'INLINE' | 'DISTRIBUTED';
  readonly executionType?: 'STANDARD' | 'EXPRESS';
  readonly label?: string;
  /** A number, or read from the data (`MaxConcurrencyPath`) by a selector or a path. */
  readonly maxConcurrency?: Source<I, V, number> | CheckReadPath<I, V, MCP, number>;
  readonly toleratedFailurePercentage?: Source<I, V, number>;
  readonly toleratedFailureCount?: Source<I, V, number>;
  /** The chain run for each item. */
  readonly processor: (
    start: Chain<
      ProcessorInput<I, V, E, Given<ItJ, It>, IS, Sel, L>,
      ProcessorInput<I, V, E, Given<ItJ, It>, IS, Sel, L>,
      V,
      V
    >,
  ) => ChainLike<ProcessorInput<I, V, E, Given<ItJ, It>, IS, Sel, L>, Proc, V, unknown, PL>;
  /** Reads the branch results; a selector, since the results are only known once the branches are typed. */
  readonly resultSelector?: Selector<MapResult<Proc, RW>, V, S>;
  readonly resultPath?: CheckResultPath<RP>;
  readonly outputPath?:
    | Selector<
        AfterResultPath<I, SelectedResult<MapResult<Proc, RW>, Selection<Proc, RW, V, S, L>>, RP>,
        V,
        OP
      >
    | CheckNullablePath<
        AfterResultPath<I, SelectedResult<MapResult<Proc, RW>, Selection<Proc, RW, V, S, L>>, RP>,
        V,
        L['outputPath']
      >;
  readonly output?:
    | ((results: MapResult<Proc, RW>, context: Ctx, vars: V, input: I) => O)
    | JsonataExpression<O>;
  readonly assign?:
    | ((
        results: SelectedResult<MapResult<Proc, RW>, Selection<Proc, RW, V, S, L>>,
        context: Ctx,
        vars: V,
        input: I,
      ) => AS)
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
  E = NotSet,
  const EP = NoPath,
  const IP = NoPath,
  const SelT = NoPath,
  const OPP = NoPath,
  PL extends QueryLanguage = never,
  ItJ extends readonly unknown[] | NotSet = NotSet,
  const MCP = NoPath,
>(
  name: string,
  config: MapConfig<
    I,
    V,
    It,
    IS,
    Sel,
    Proc,
    RW,
    S,
    RP,
    OP,
    O,
    AS,
    QL,
    E,
    MapLiterals<EP, IP, SelT, NoPath, OPP>,
    PL,
    ItJ,
    MCP
  >,
): CatchableChain<
  I,
  StateOutput<
    I,
    SelectedResult<MapResult<Proc, RW>, Selection<Proc, RW, V, S, MapLiterals<EP, IP, SelT, NoPath, OPP>>>,
    RP,
    Selected<
      AfterResultPath<
        I,
        SelectedResult<
          MapResult<Proc, RW>,
          Selection<Proc, RW, V, S, MapLiterals<EP, IP, SelT, NoPath, OPP>>
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
  // The processor's own requirements count too: a JSONata workflow rejects a JSONPath state at any depth.
  | LanguageOf<
      QL,
      It | S | RP | OP | E | ([EP | IP | SelT | OPP] extends [NoPath] ? NotSet : unknown),
      O | ItJ
    >
  | PL
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
        InputPath:
          config.inputPath === undefined ? undefined : dataPathField(config.inputPath, 'InputPath', lang),
        ItemsPath: config.itemsPath && pathField(config.itemsPath, 'input', 'ItemsPath', lang),
        Items: config.items && templateField(config.items, 'input', 'Items', lang),
        ItemReader:
          config.itemReader &&
          defined({
            Resource: config.itemReader.resource,
            ReaderConfig: objectField(config.itemReader.readerConfig),
            [request]: objectField(config.itemReader.request),
          }),
        ItemSelector:
          config.itemSelector && templateField(config.itemSelector, 'input', 'ItemSelector', lang),
        ItemBatcher:
          config.itemBatcher &&
          defined({
            MaxItemsPerBatch: config.itemBatcher.maxItemsPerBatch,
            MaxInputBytesPerBatch: config.itemBatcher.maxInputBytesPerBatch,
            BatchInput: objectField(config.itemBatcher.batchInput),
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
              [request]: objectField(writer.request),
              WriterConfig: objectField(writer.writerConfig),
            }),
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
      };
    },
  });
  return new CatchableChain(node);
}

export type { ItemBatcher, ItemReader, ResultWriter } from './map-distributed';
export type { MapLiterals } from './map-types';
