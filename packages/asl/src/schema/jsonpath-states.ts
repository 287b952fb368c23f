import { z } from 'zod';
import type {
  Branch,
  ItemProcessor,
  JsonPathChoiceState,
  JsonPathFailState,
  JsonPathMapState,
  JsonPathParallelState,
  JsonPathPassState,
  JsonPathSucceedState,
  JsonPathTaskState,
  JsonPathWaitState,
} from '../types';
import { jsonPathChoiceRuleSchema } from './choice-rules';
import { allowAtMostOne, requireExactlyOne, requireTransition } from './field-rules';
import { jsonObjectSchema, jsonValueSchema } from './json-value';
import {
  jsonPathItemBatcherSchema,
  jsonPathItemReaderSchema,
  jsonPathResultWriterSchema,
} from './map-config';
import { narrowTo } from './narrow';
import { nonNegativeIntegerSchema, nullablePathSchema } from './primitives';
import { jsonPathCatcherSchema, retrierSchema } from './retry-catch';

const base = {
  Comment: z.string().optional(),
  QueryLanguage: z.literal('JSONPath').optional(),
};
const io = { InputPath: nullablePathSchema.optional(), OutputPath: nullablePathSchema.optional() };
const transition = { Next: z.string().optional(), End: z.literal(true).optional() };
const assign = { Assign: jsonObjectSchema.optional() };
const result = {
  ResultPath: nullablePathSchema.optional(),
  ResultSelector: jsonObjectSchema.optional(),
};
const errorHandling = {
  Retry: z.array(retrierSchema).optional(),
  Catch: z.array(jsonPathCatcherSchema).optional(),
};

/** The nested machines a JSONPath Parallel or Map runs; supplied lazily to allow recursion. */
export interface JsonPathNestedSchemas {
  branch: z.ZodType<Branch<'JSONPath'>>;
  processor: z.ZodType<ItemProcessor<'JSONPath'>>;
}

/** Schemas of the eight JSONPath state types, keyed by `Type`. */
export function jsonPathStateSchemas(nested: () => JsonPathNestedSchemas) {
  const Pass = z
    .strictObject({
      ...base,
      ...io,
      ...transition,
      ...assign,
      Type: z.literal('Pass'),
      Parameters: jsonObjectSchema.optional(),
      Result: jsonValueSchema.optional(),
      ResultPath: nullablePathSchema.optional(),
    })
    .superRefine(requireTransition);

  const Task = z
    .strictObject({
      ...base,
      ...io,
      ...transition,
      ...assign,
      ...result,
      ...errorHandling,
      Type: z.literal('Task'),
      Resource: z.string(),
      Parameters: jsonObjectSchema.optional(),
      Credentials: z
        .union([z.strictObject({ RoleArn: z.string() }), z.strictObject({ 'RoleArn.$': z.string() })])
        .optional(),
      TimeoutSeconds: z.number().int().positive().optional(),
      TimeoutSecondsPath: z.string().optional(),
      HeartbeatSeconds: z.number().int().positive().optional(),
      HeartbeatSecondsPath: z.string().optional(),
    })
    .superRefine((state, ctx) => {
      requireTransition(state, ctx);
      allowAtMostOne(['TimeoutSeconds', 'TimeoutSecondsPath'], state, ctx);
      allowAtMostOne(['HeartbeatSeconds', 'HeartbeatSecondsPath'], state, ctx);
    });

  const Choice = z.strictObject({
    ...base,
    ...io,
    ...assign,
    Type: z.literal('Choice'),
    Choices: z.array(jsonPathChoiceRuleSchema).min(1),
    Default: z.string().optional(),
  });

  const Wait = z
    .strictObject({
      ...base,
      ...io,
      ...transition,
      ...assign,
      Type: z.literal('Wait'),
      Seconds: nonNegativeIntegerSchema.optional(),
      Timestamp: z.string().optional(),
      SecondsPath: z.string().optional(),
      TimestampPath: z.string().optional(),
    })
    .superRefine((state, ctx) => {
      requireTransition(state, ctx);
      requireExactlyOne(['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'], state, ctx);
    });

  const Succeed = z.strictObject({ ...base, ...io, Type: z.literal('Succeed') });

  const Fail = z
    .strictObject({
      ...base,
      Type: z.literal('Fail'),
      Error: z.string().optional(),
      ErrorPath: z.string().optional(),
      Cause: z.string().optional(),
      CausePath: z.string().optional(),
    })
    .superRefine((state, ctx) => {
      allowAtMostOne(['Error', 'ErrorPath'], state, ctx);
      allowAtMostOne(['Cause', 'CausePath'], state, ctx);
    });

  const Parallel = z
    .strictObject({
      ...base,
      ...io,
      ...transition,
      ...assign,
      ...result,
      ...errorHandling,
      Type: z.literal('Parallel'),
      Branches: z.array(z.lazy(() => nested().branch)).min(1),
      Parameters: jsonObjectSchema.optional(),
    })
    .superRefine(requireTransition);

  const MapState = z
    .strictObject({
      ...base,
      ...io,
      ...transition,
      ...assign,
      ...result,
      ...errorHandling,
      Type: z.literal('Map'),
      ItemProcessor: z.lazy(() => nested().processor).optional(),
      Iterator: z.lazy(() => nested().processor).optional(),
      ItemsPath: nullablePathSchema.optional(),
      ItemSelector: jsonObjectSchema.optional(),
      Parameters: jsonObjectSchema.optional(),
      ItemReader: jsonPathItemReaderSchema.optional(),
      ItemBatcher: jsonPathItemBatcherSchema.optional(),
      ResultWriter: jsonPathResultWriterSchema.optional(),
      MaxConcurrency: nonNegativeIntegerSchema.optional(),
      MaxConcurrencyPath: z.string().optional(),
      ToleratedFailureCount: nonNegativeIntegerSchema.optional(),
      ToleratedFailureCountPath: z.string().optional(),
      ToleratedFailurePercentage: z.number().min(0).max(100).optional(),
      ToleratedFailurePercentagePath: z.string().optional(),
      Label: z.string().optional(),
    })
    .superRefine((state, ctx) => {
      requireTransition(state, ctx);
      requireExactlyOne(['ItemProcessor', 'Iterator'], state, ctx);
      allowAtMostOne(['ItemSelector', 'Parameters'], state, ctx);
      allowAtMostOne(['MaxConcurrency', 'MaxConcurrencyPath'], state, ctx);
      allowAtMostOne(['ToleratedFailureCount', 'ToleratedFailureCountPath'], state, ctx);
      allowAtMostOne(['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'], state, ctx);
    });

  return {
    /** The shapes before narrowing, for the type tests. */
    raw: { Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map: MapState },
    Pass: narrowTo<JsonPathPassState>()(Pass),
    Task: narrowTo<JsonPathTaskState>()(Task),
    Choice: narrowTo<JsonPathChoiceState>()(Choice),
    Wait: narrowTo<JsonPathWaitState>()(Wait),
    Succeed: narrowTo<JsonPathSucceedState>()(Succeed),
    Fail: narrowTo<JsonPathFailState>()(Fail),
    Parallel: narrowTo<JsonPathParallelState>()(Parallel),
    Map: narrowTo<JsonPathMapState>()(MapState),
  };
}
