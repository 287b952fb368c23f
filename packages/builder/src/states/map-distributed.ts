import { isJsonataExpression, type JsonataExpression } from '../jsonata/expression';
import type { JsonValue } from '../types/json';

/* The parts of a distributed Map that read and write items elsewhere, as written in ASL. */

/** A JSON object written as ASL, or (JSONata) a whole expression that evaluates to one. */
type JsonObject =
  | { readonly [key: string]: JsonValue }
  | JsonataExpression<{ readonly [key: string]: unknown }>;

export interface ItemReader {
  /** e.g. `arn:aws:states:::s3:getObject` or `arn:aws:states:::s3:listObjectsV2`. */
  readonly resource: string;
  readonly readerConfig?: JsonObject;
  /** The reader's request, written as ASL (`Parameters` or `Arguments`). */
  readonly request?: JsonObject;
}

export interface ItemBatcher {
  readonly maxItemsPerBatch?: number;
  readonly maxInputBytesPerBatch?: number;
  readonly batchInput?: JsonObject;
}

export interface ResultWriter {
  readonly resource: string;
  readonly request?: JsonObject;
  readonly writerConfig?: JsonObject;
}

/** A JSON object field as written: an expression becomes its `{% %}` text. */
export function objectField(value: JsonObject | undefined): JsonValue | undefined {
  return isJsonataExpression(value) ? value.source : (value as JsonValue | undefined);
}
