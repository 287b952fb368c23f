import type { z } from 'zod';
import type { NotSet } from '../chain/catchable';
import type { ContextObject } from '../types/context';
import type { NoPath, Selected } from '../types/read-path';
import type { Built } from '../types/template-paths';
import type { Given } from './data-flow';

/*
 * How a Map's types follow from its fields: the input after InputPath, the
 * iterated array, one item, what each iteration receives, and the results.
 */

export type ElementOf<T> = T extends readonly (infer E)[] ? E : never;
/** The type of one item: from ItemsPath/Items, or declared by a schema for an ItemReader. */
export type ItemOf<It, IS> = IS extends z.ZodType ? z.output<IS> : ElementOf<It>;

/** Paths and templates written as literals. */
export interface MapLiterals<EP = NoPath, IP = NoPath, SelT = NoPath, ST = NoPath, OPP = NoPath> {
  readonly inputPath: EP;
  readonly itemsPath: IP;
  readonly itemSelector: SelT;
  readonly resultSelector: ST;
  readonly outputPath: OPP;
}
export type AnyLiterals = MapLiterals<unknown, unknown, unknown, unknown, unknown>;

/** The state input after InputPath. */
export type Picked<I, V, E, L extends AnyLiterals> = Given<Selected<I, V, E, L['inputPath']>, I>;
/** The iterated array, from ItemsPath (a selector or a path) or Items; without either, the input itself. */
export type Items<I, V, E, It, L extends AnyLiterals> = [L['itemsPath']] extends [NoPath]
  ? [It] extends [NotSet]
    ? Picked<I, V, E, L>
    : It
  : Selected<Picked<I, V, E, L>, V, It, L['itemsPath']>;
export type Item<I, V, E, It, IS, L extends AnyLiterals> = ItemOf<Items<I, V, E, It, L>, IS>;
export type ProcessorInput<I, V, E, It, IS, Sel, L extends AnyLiterals> = Built<
  Picked<I, V, E, L>,
  V,
  Given<Sel, Item<I, V, E, It, IS, L>>,
  L['itemSelector'],
  ContextObject<Item<I, V, E, It, IS, L>>
>;
export type MapResult<PO, RW> = [RW] extends [NotSet] ? PO[] : unknown;
export type Selection<Proc, RW, V, S, L extends AnyLiterals> = Built<
  MapResult<Proc, RW>,
  V,
  S,
  L['resultSelector']
>;
