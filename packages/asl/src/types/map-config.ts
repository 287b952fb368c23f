import type { JsonataArguments, PayloadTemplate } from './common';
import type { JsonObject } from './json';
import type { JsonataExpression, JsonataNumber } from './query-language';

/** How a Map state runs its iterations. */
export type ProcessorConfig =
  | { Mode?: 'INLINE' }
  | { Mode: 'DISTRIBUTED'; ExecutionType: 'STANDARD' | 'EXPRESS' };

export const READER_INPUT_TYPES = ['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'] as const;
export const CSV_HEADER_LOCATIONS = ['FIRST_ROW', 'GIVEN'] as const;
export const CSV_DELIMITERS = ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'] as const;
export const MANIFEST_TYPES = ['ATHENA_DATA', 'S3_INVENTORY'] as const;
export const WRITER_OUTPUT_TYPES = ['JSON', 'JSONL'] as const;
export const WRITER_TRANSFORMATIONS = ['NONE', 'COMPACT', 'FLATTEN'] as const;

interface ReaderConfigBase {
  InputType?: (typeof READER_INPUT_TYPES)[number];
  CSVHeaderLocation?: (typeof CSV_HEADER_LOCATIONS)[number];
  CSVHeaders?: string[];
  CSVDelimiter?: (typeof CSV_DELIMITERS)[number];
  ManifestType?: (typeof MANIFEST_TYPES)[number];
}

export interface JsonPathReaderConfig extends ReaderConfigBase {
  MaxItems?: number;
  MaxItemsPath?: string;
}

export interface JsonataReaderConfig extends ReaderConfigBase {
  MaxItems?: JsonataNumber;
}

/** Where a Distributed Map reads its items from (S3 objects, CSV, manifests...). */
export interface JsonPathItemReader {
  Resource: string;
  ReaderConfig?: JsonPathReaderConfig;
  Parameters?: PayloadTemplate;
}

export interface JsonataItemReader extends JsonataArguments {
  Resource: string;
  ReaderConfig?: JsonataReaderConfig;
}

export type ItemReader = JsonPathItemReader | JsonataItemReader;

/** Groups items into batches, each processed by one child execution. */
export interface JsonPathItemBatcher {
  MaxItemsPerBatch?: number;
  MaxItemsPerBatchPath?: string;
  MaxInputBytesPerBatch?: number;
  MaxInputBytesPerBatchPath?: string;
  BatchInput?: PayloadTemplate;
}

export interface JsonataItemBatcher {
  MaxItemsPerBatch?: JsonataNumber;
  MaxInputBytesPerBatch?: JsonataNumber;
  BatchInput?: JsonObject | JsonataExpression;
}

export type ItemBatcher = JsonPathItemBatcher | JsonataItemBatcher;

/** How the results are shaped when the Map state exports them. */
export interface WriterConfig {
  OutputType?: (typeof WRITER_OUTPUT_TYPES)[number];
  Transformation?: (typeof WRITER_TRANSFORMATIONS)[number];
}

/**
 * Where a Distributed Map writes its results. `Resource` may be left out
 * when only `WriterConfig` is given, to transform results without export.
 */
export interface JsonPathResultWriter {
  Resource?: string;
  Parameters?: PayloadTemplate;
  WriterConfig?: WriterConfig;
}

export interface JsonataResultWriter extends JsonataArguments {
  Resource?: string;
  WriterConfig?: WriterConfig;
}

export type ResultWriter = JsonPathResultWriter | JsonataResultWriter;
