import { z } from 'zod';
import type { JsonObject, JsonValue } from '../types';

/** Any JSON value. Recursive, so the JSON Schema gets a named definition for it. */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

export const jsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), jsonValueSchema);

export const jsonArraySchema = z.array(jsonValueSchema);
