import type { z } from 'zod';
import { stateMachineSchema } from '../schema';
import { JSONATA_ONLY_FIELDS, JSONPATH_ONLY_FIELDS, STATE_TYPES } from '../types';
import type { DiagnosticSink } from './diagnostic';
import { childPointer, isWithin, resolvePointer } from './json-pointer';
import type { JsonObject } from './json-tree';

type Issue = z.core.$ZodIssue;

/** Fields that belong to one query language only, whatever the state type. */
const LANGUAGE_BOUND_FIELDS: ReadonlySet<string> = new Set(
  STATE_TYPES.flatMap((type) => [...JSONPATH_ONLY_FIELDS[type], ...JSONATA_ONLY_FIELDS[type]]),
);

// Pointers to whole machines or their States object: a finding there says
// nothing about the specific place a more precise check has reported.
const CONTAINER = /(^$|\/States$|\/Branches\/\d+$|\/ItemProcessor$|\/Iterator$)/;

/**
 * Runs the zod schema of '../schema' and reports, as SCHEMA_VALIDATION_FAILED,
 * what the specific checks have not already said about the same place: one
 * mistake, one diagnostic.
 */
export function checkSchema(root: JsonObject, sink: DiagnosticSink): void {
  const result = stateMachineSchema.safeParse(root);
  if (result.success) return;
  const specific = sink.diagnostics.filter((d) => d.severity === 'ERROR').map((d) => d.location);
  for (const issue of leafIssues(result.error.issues)) {
    for (const { location, message, foreign } of describe(issue, root)) {
      if (specific.some((other) => related(other, location))) continue;
      sink.error(
        foreign ? 'FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE' : 'SCHEMA_VALIDATION_FAILED',
        location,
        message,
      );
    }
  }
}

/** A union failure is explained by the alternative that came closest to matching. */
function leafIssues(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const closest = issue.errors.reduce((best, candidate) =>
      candidate.length < best.length ? candidate : best,
    );
    const prefix = issue.path;
    return leafIssues(closest.map((inner) => ({ ...inner, path: [...prefix, ...inner.path] }) as Issue));
  });
}

function describe(issue: Issue, root: JsonObject): { location: string; message: string; foreign: boolean }[] {
  const base = childPointer('', ...issue.path.map((segment) => String(segment)));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      location: childPointer(base, key),
      message: LANGUAGE_BOUND_FIELDS.has(key)
        ? `Field '${key}' belongs to the other query language than this state's.`
        : `Field '${key}' is not supported here.`,
      foreign: LANGUAGE_BOUND_FIELDS.has(key),
    }));
  }
  const location = nearestExisting(root, base);
  const field = issue.path.at(-1);
  const subject =
    location === base && field !== undefined ? `'${String(field)}'` : `The value at ${base || '/'}`;
  return [{ location, message: `${subject}: ${issue.message}`, foreign: false }];
}

/** A missing field is reported on the object that should hold it. */
function nearestExisting(root: JsonObject, pointer: string): string {
  let current = pointer;
  while (current !== '' && !resolvePointer(root, current).found)
    current = current.slice(0, current.lastIndexOf('/'));
  return current;
}

function related(a: string, b: string): boolean {
  if (a === b) return true;
  const [outer, inner] = a.length < b.length ? [a, b] : [b, a];
  return !CONTAINER.test(outer) && isWithin(inner, outer);
}
