import { AsyncSchemaError, type SchemaIssue, SchemaValidationError } from '../errors';

/*
 * The part of the Standard Schema interface (https://standardschema.dev) the
 * checks use. zod 4 schemas implement it, and so do other libraries, so
 * nothing here depends on zod.
 */

type PathSegment = PropertyKey | { readonly key: PropertyKey };

interface StandardIssue {
  readonly message: string;
  readonly path?: readonly PathSegment[] | undefined;
}

type StandardResult =
  | { readonly value: unknown; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] };

export interface StandardSchema {
  readonly '~standard': {
    readonly validate: (value: unknown) => StandardResult | Promise<StandardResult>;
  };
}

export function isStandardSchema(value: unknown): value is StandardSchema {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as Partial<StandardSchema>)['~standard']?.validate === 'function'
  );
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An issue's path as a JSONPath into the checked value. */
export function issuePath(path: readonly PathSegment[] | undefined): string {
  let out = '$';
  for (const segment of path ?? []) {
    const key = typeof segment === 'object' ? segment.key : segment;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += `.${key}`;
    else out += `['${String(key).replace(/'/g, "\\'")}']`;
  }
  return out;
}

function settle(subject: string, result: StandardResult): unknown {
  if (result.issues === undefined) return result.value;
  const issues: SchemaIssue[] = result.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
  throw new SchemaValidationError(subject, issues);
}

/** Validates `value`; returns the parsed value or throws a SchemaValidationError. */
export async function check(schema: StandardSchema, value: unknown, subject: string): Promise<unknown> {
  return settle(subject, await schema['~standard'].validate(value));
}

/** The same, for schemas that validate synchronously (zod schemas without async refinements). */
export function checkSync(schema: StandardSchema, value: unknown, subject: string): unknown {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    result.catch(() => {});
    throw new AsyncSchemaError(subject);
  }
  return settle(subject, result);
}
