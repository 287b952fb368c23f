import { z } from 'zod';
import {
  CSV_DELIMITERS,
  CSV_HEADER_LOCATIONS,
  MANIFEST_TYPES,
  READER_INPUT_TYPES,
  WRITER_OUTPUT_TYPES,
  WRITER_TRANSFORMATIONS,
} from '../types';
import { allowAtMostOne } from './field-rules';
import { jsonObjectSchema } from './json-value';
import { jsonataExpressionSchema, jsonataNumberSchema, nonNegativeIntegerSchema } from './primitives';

export const processorConfigSchema = z.discriminatedUnion('Mode', [
  z.strictObject({ Mode: z.literal('INLINE').optional() }),
  z.strictObject({ Mode: z.literal('DISTRIBUTED'), ExecutionType: z.enum(['STANDARD', 'EXPRESS']) }),
]);

const readerConfigShape = {
  InputType: z.enum(READER_INPUT_TYPES).optional(),
  CSVHeaderLocation: z.enum(CSV_HEADER_LOCATIONS).optional(),
  CSVHeaders: z.array(z.string()).optional(),
  CSVDelimiter: z.enum(CSV_DELIMITERS).optional(),
  ManifestType: z.enum(MANIFEST_TYPES).optional(),
};

const argumentsSchema = z.union([jsonObjectSchema, jsonataExpressionSchema]);

export const jsonPathItemReaderSchema = z.strictObject({
  Resource: z.string(),
  ReaderConfig: z
    .strictObject({
      ...readerConfigShape,
      MaxItems: nonNegativeIntegerSchema.optional(),
      MaxItemsPath: z.string().optional(),
    })
    .superRefine((config, ctx) => allowAtMostOne(['MaxItems', 'MaxItemsPath'], config, ctx))
    .optional(),
  Parameters: jsonObjectSchema.optional(),
});

export const jsonataItemReaderSchema = z.strictObject({
  Resource: z.string(),
  ReaderConfig: z.strictObject({ ...readerConfigShape, MaxItems: jsonataNumberSchema.optional() }).optional(),
  Arguments: argumentsSchema.optional(),
});

export const jsonPathItemBatcherSchema = z
  .strictObject({
    MaxItemsPerBatch: nonNegativeIntegerSchema.optional(),
    MaxItemsPerBatchPath: z.string().optional(),
    MaxInputBytesPerBatch: nonNegativeIntegerSchema.optional(),
    MaxInputBytesPerBatchPath: z.string().optional(),
    BatchInput: jsonObjectSchema.optional(),
  })
  .superRefine((batcher, ctx) => {
    allowAtMostOne(['MaxItemsPerBatch', 'MaxItemsPerBatchPath'], batcher, ctx);
    allowAtMostOne(['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'], batcher, ctx);
  });

export const jsonataItemBatcherSchema = z.strictObject({
  MaxItemsPerBatch: jsonataNumberSchema.optional(),
  MaxInputBytesPerBatch: jsonataNumberSchema.optional(),
  BatchInput: argumentsSchema.optional(),
});

const writerConfigSchema = z.strictObject({
  OutputType: z.enum(WRITER_OUTPUT_TYPES).optional(),
  Transformation: z.enum(WRITER_TRANSFORMATIONS).optional(),
});

export const jsonPathResultWriterSchema = z.strictObject({
  Resource: z.string().optional(),
  Parameters: jsonObjectSchema.optional(),
  WriterConfig: writerConfigSchema.optional(),
});

export const jsonataResultWriterSchema = z.strictObject({
  Resource: z.string().optional(),
  Arguments: argumentsSchema.optional(),
  WriterConfig: writerConfigSchema.optional(),
});
