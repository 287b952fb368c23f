import { z } from 'zod';

/** A `{% ... %}` string: AWS treats only the whole-string form as JSONata. */
export const jsonataExpressionSchema = z.templateLiteral(['{%', z.string(), '%}']);

/** A number, or in JSONata an expression that yields one. */
export const jsonataNumberSchema = z.union([z.number(), jsonataExpressionSchema]);

export const nonNegativeIntegerSchema = z.number().int().nonnegative();

/** JSONPath fields such as `InputPath` take a path, or `null` to mean "nothing". */
export const nullablePathSchema = z.string().nullable();

export const stateNameSchema = z.string().min(1);
