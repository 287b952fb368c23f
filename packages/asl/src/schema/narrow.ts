import type { z } from 'zod';

/**
 * Gives a schema the precise output type `T` (a union such as "`Next` or
 * `End`") that its refinements guarantee but zod cannot infer from an object
 * shape. The value is passed through unchanged. The type tests check that
 * `T` stays within what the unrefined schema accepts.
 */
export function narrowTo<T>() {
  return <S extends z.ZodType>(schema: S) => schema.transform((value): T => value as unknown as T);
}
