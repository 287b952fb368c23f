import type {
  Assign,
  JsonataMarker,
  JsonataTemplate,
  JsonPathInputOutput,
  JsonPathMarker,
  JsonPathResultPath,
  PayloadTemplate,
  StateBase,
  Transition,
} from './common';
import type { JsonArray, JsonObject } from './json';
import type {
  JsonataItemBatcher,
  JsonataItemReader,
  JsonataResultWriter,
  JsonPathItemBatcher,
  JsonPathItemReader,
  JsonPathResultWriter,
} from './map-config';
import type { JsonataExpression, JsonataNumber, QueryLanguage } from './query-language';
import type { JsonataCatcher, JsonPathCatcher, Retrier } from './retry-catch';
import type { ItemProcessor } from './state-machine';

/** `ItemProcessor` is the current name; `Iterator` the legacy one. Exactly one is given. */
export type MapProcessor<L extends QueryLanguage> =
  | { ItemProcessor: ItemProcessor<L>; Iterator?: never }
  | { Iterator: ItemProcessor<L>; ItemProcessor?: never };

export interface JsonPathMapFields
  extends StateBase,
    JsonPathMarker,
    JsonPathInputOutput,
    JsonPathResultPath {
  Type: 'Map';
  ItemsPath?: string;
  ItemSelector?: PayloadTemplate;
  /** Legacy name of `ItemSelector`. */
  Parameters?: PayloadTemplate;
  ItemReader?: JsonPathItemReader;
  ItemBatcher?: JsonPathItemBatcher;
  ResultWriter?: JsonPathResultWriter;
  ResultSelector?: PayloadTemplate;
  MaxConcurrency?: number;
  MaxConcurrencyPath?: string;
  ToleratedFailureCount?: number;
  ToleratedFailureCountPath?: string;
  ToleratedFailurePercentage?: number;
  ToleratedFailurePercentagePath?: string;
  Label?: string;
  Retry?: Retrier[];
  Catch?: JsonPathCatcher[];
  Assign?: Assign;
}

export interface JsonataMapFields extends StateBase, JsonataMarker {
  Type: 'Map';
  Items?: JsonArray | JsonObject | JsonataExpression;
  ItemSelector?: JsonObject | JsonataExpression;
  ItemReader?: JsonataItemReader;
  ItemBatcher?: JsonataItemBatcher;
  ResultWriter?: JsonataResultWriter;
  MaxConcurrency?: JsonataNumber;
  ToleratedFailureCount?: JsonataNumber;
  ToleratedFailurePercentage?: JsonataNumber;
  Label?: string;
  Output?: JsonataTemplate;
  Retry?: Retrier[];
  Catch?: JsonataCatcher[];
  Assign?: Assign;
}

/** Runs its processor once per item, inline or as child executions (Distributed). */
export type JsonPathMapState = JsonPathMapFields & MapProcessor<'JSONPath'> & Transition;
export type JsonataMapState<L extends QueryLanguage = QueryLanguage> = JsonataMapFields &
  MapProcessor<L> &
  Transition;
export type MapState = JsonPathMapState | JsonataMapState;
