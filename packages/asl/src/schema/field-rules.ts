import type { z } from 'zod';

type Ctx = z.core.$RefinementCtx<Record<string, unknown>>;

const present = (value: Record<string, unknown>, fields: readonly string[]) =>
  fields.filter((field) => value[field] !== undefined);

/** Reports an issue unless exactly one of `fields` is present. */
export function requireExactlyOne(fields: readonly string[], value: Record<string, unknown>, ctx: Ctx): void {
  const found = present(value, fields);
  if (found.length === 1) return;
  ctx.addIssue({
    code: 'custom',
    message:
      found.length === 0
        ? `Exactly one of ${fields.join(', ')} is required`
        : `Only one of ${found.join(', ')} may be given`,
    path: found.length === 0 ? [] : [found[1] as string],
  });
}

/** Reports an issue when more than one of `fields` is present. */
export function allowAtMostOne(fields: readonly string[], value: Record<string, unknown>, ctx: Ctx): void {
  const found = present(value, fields);
  if (found.length <= 1) return;
  ctx.addIssue({
    code: 'custom',
    message: `Only one of ${found.join(', ')} may be given`,
    path: [found[1] as string],
  });
}

/** `Next` and `End` are alternatives; every non-terminal, non-Choice state needs one. */
export const requireTransition = (value: Record<string, unknown>, ctx: Ctx) =>
  requireExactlyOne(['Next', 'End'], value, ctx);
