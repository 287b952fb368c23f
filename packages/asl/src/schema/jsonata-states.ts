import { z } from 'zod';
import type {
  Branch,
  ItemProcessor,
  JsonataChoiceState,
  JsonataFailState,
  JsonataMapState,
  JsonataParallelState,
  JsonataPassState,
  JsonataSucceedState,
  JsonataTaskState,
  JsonataWaitState,
  OptedInJsonataState,
  QueryLanguage,
} from '../types';
import { jsonataChoiceRuleSchema } from './choice-rules';
import { requireExactlyOne, requireTransition } from './field-rules';
import { jsonArraySchema, jsonObjectSchema, jsonValueSchema } from './json-value';
import { jsonataItemBatcherSchema, jsonataItemReaderSchema, jsonataResultWriterSchema } from './map-config';
import { narrowTo } from './narrow';
import { jsonataExpressionSchema, jsonataNumberSchema } from './primitives';
import { jsonataCatcherSchema, retrierSchema } from './retry-catch';

/** In a JSONPath machine a JSONata state must say so; in a JSONata machine it may. */
type InScope<S, L extends QueryLanguage> = L extends 'JSONPath' ? OptedInJsonataState<S> : S;

type MarkerSchema<L extends QueryLanguage> = L extends 'JSONPath'
  ? z.ZodLiteral<'JSONata'>
  : z.ZodOptional<z.ZodLiteral<'JSONata'>>;

/** The nested machines of JSONata Parallel and Map states, for machines whose default is `L`. */
export interface JsonataNestedSchemas<L extends QueryLanguage> {
  branch: z.ZodType<Branch<L>>;
  processor: z.ZodType<ItemProcessor<L>>;
}

const transition = { Next: z.string().optional(), End: z.literal(true).optional() };
const shaped = { Output: jsonValueSchema.optional(), Assign: jsonObjectSchema.optional() };
const errorHandling = {
  Retry: z.array(retrierSchema).optional(),
  Catch: z.array(jsonataCatcherSchema).optional(),
};
const argumentsField = { Arguments: z.union([jsonObjectSchema, jsonataExpressionSchema]).optional() };

/** Schemas of the eight JSONata state types in a machine whose default language is `scope`. */
export function jsonataStateSchemas<L extends QueryLanguage>(
  scope: L,
  nested: () => JsonataNestedSchemas<L>,
) {
  const marker = z.literal('JSONata');
  const base = {
    Comment: z.string().optional(),
    QueryLanguage: (scope === 'JSONPath' ? marker : marker.optional()) as MarkerSchema<L>,
  };

  const Pass = z
    .strictObject({ ...base, ...transition, ...shaped, Type: z.literal('Pass') })
    .superRefine(requireTransition);

  const Task = z
    .strictObject({
      ...base,
      ...transition,
      ...shaped,
      ...errorHandling,
      ...argumentsField,
      Type: z.literal('Task'),
      Resource: z.string(),
      Credentials: z.strictObject({ RoleArn: z.string() }).optional(),
      TimeoutSeconds: jsonataNumberSchema.optional(),
      HeartbeatSeconds: jsonataNumberSchema.optional(),
    })
    .superRefine(requireTransition);

  const Choice = z.strictObject({
    ...base,
    ...shaped,
    Type: z.literal('Choice'),
    Choices: z.array(jsonataChoiceRuleSchema).min(1),
    Default: z.string().optional(),
  });

  const Wait = z
    .strictObject({
      ...base,
      ...transition,
      ...shaped,
      Type: z.literal('Wait'),
      Seconds: jsonataNumberSchema.optional(),
      Timestamp: z.string().optional(),
    })
    .superRefine((state, ctx) => {
      requireTransition(state, ctx);
      requireExactlyOne(['Seconds', 'Timestamp'], state, ctx);
    });

  const Succeed = z.strictObject({ ...base, Type: z.literal('Succeed'), Output: jsonValueSchema.optional() });

  const Fail = z.strictObject({
    ...base,
    Type: z.literal('Fail'),
    Error: z.string().optional(),
    Cause: z.string().optional(),
  });

  const Parallel = z
    .strictObject({
      ...base,
      ...transition,
      ...shaped,
      ...errorHandling,
      ...argumentsField,
      Type: z.literal('Parallel'),
      Branches: z.array(z.lazy(() => nested().branch)).min(1),
    })
    .superRefine(requireTransition);

  const MapState = z
    .strictObject({
      ...base,
      ...transition,
      ...shaped,
      ...errorHandling,
      Type: z.literal('Map'),
      ItemProcessor: z.lazy(() => nested().processor).optional(),
      Iterator: z.lazy(() => nested().processor).optional(),
      Items: z.union([jsonArraySchema, jsonObjectSchema, jsonataExpressionSchema]).optional(),
      ItemSelector: z.union([jsonObjectSchema, jsonataExpressionSchema]).optional(),
      ItemReader: jsonataItemReaderSchema.optional(),
      ItemBatcher: jsonataItemBatcherSchema.optional(),
      ResultWriter: jsonataResultWriterSchema.optional(),
      MaxConcurrency: jsonataNumberSchema.optional(),
      ToleratedFailureCount: jsonataNumberSchema.optional(),
      ToleratedFailurePercentage: jsonataNumberSchema.optional(),
      Label: z.string().optional(),
    })
    .superRefine((state, ctx) => {
      requireTransition(state, ctx);
      requireExactlyOne(['ItemProcessor', 'Iterator'], state, ctx);
    });

  return {
    /** The shapes before narrowing, for the type tests. */
    raw: { Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map: MapState },
    Pass: narrowTo<InScope<JsonataPassState, L>>()(Pass),
    Task: narrowTo<InScope<JsonataTaskState, L>>()(Task),
    Choice: narrowTo<InScope<JsonataChoiceState, L>>()(Choice),
    Wait: narrowTo<InScope<JsonataWaitState, L>>()(Wait),
    Succeed: narrowTo<InScope<JsonataSucceedState, L>>()(Succeed),
    Fail: narrowTo<InScope<JsonataFailState, L>>()(Fail),
    Parallel: narrowTo<InScope<JsonataParallelState<L>, L>>()(Parallel),
    Map: narrowTo<InScope<JsonataMapState<L>, L>>()(MapState),
  };
}
