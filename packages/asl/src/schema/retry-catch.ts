import { z } from 'zod';
import { JITTER_STRATEGIES } from '../types';
import { jsonObjectSchema, jsonValueSchema } from './json-value';
import { nonNegativeIntegerSchema } from './primitives';

const errorEqualsSchema = z.array(z.string()).min(1);

export const retrierSchema = z.strictObject({
  ErrorEquals: errorEqualsSchema,
  IntervalSeconds: z.number().int().positive().optional(),
  MaxAttempts: nonNegativeIntegerSchema.optional(),
  BackoffRate: z.number().min(1).optional(),
  MaxDelaySeconds: z.number().int().positive().optional(),
  JitterStrategy: z.enum(JITTER_STRATEGIES).optional(),
  Comment: z.string().optional(),
});

const catcherShape = {
  ErrorEquals: errorEqualsSchema,
  Next: z.string(),
  Assign: jsonObjectSchema.optional(),
  Comment: z.string().optional(),
};

export const jsonPathCatcherSchema = z.strictObject({
  ...catcherShape,
  ResultPath: z.string().nullable().optional(),
});

export const jsonataCatcherSchema = z.strictObject({
  ...catcherShape,
  Output: jsonValueSchema.optional(),
});
