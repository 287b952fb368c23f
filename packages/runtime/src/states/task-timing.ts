import { compileJsonata } from '../dataflow/jsonata-expressions';
import { compileRequiredPath } from '../dataflow/jsonpath-expressions';
import type { JsonataScope, PathScope } from '../dataflow/scope';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import type { QueryLanguage, RawState } from '../plan/compiled-state';

/** Reads TimeoutSeconds(Path) or HeartbeatSeconds(Path) for one attempt. */
export type SecondsReader = (
  /** Absent when the state reads neither field from a path. */
  path: PathScope | undefined,
  jsonata: JsonataScope | undefined,
) => number | undefined | Promise<number | undefined>;

export function compileSeconds(
  raw: RawState,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  ql: QueryLanguage,
): SecondsReader {
  const literal = raw[field];
  if (typeof literal === 'number') return () => literal;
  if (ql === 'JSONata' && typeof literal === 'string') {
    const evaluate = compileJsonata(literal, field);
    return async (_path, scope) => {
      if (scope === undefined) throw new TypeError(`${field} needs a JSONata scope.`);
      return positiveInteger(await evaluate(scope), field);
    };
  }
  const pathSource = raw[`${field}Path`];
  if (typeof pathSource === 'string') {
    const read = compileRequiredPath(pathSource);
    return (scope) => {
      if (scope === undefined) throw new TypeError(`${field}Path needs a JSONPath scope.`);
      return positiveInteger(read(scope), `${field}Path`);
    };
  }
  return () => undefined;
}

function positiveInteger(value: unknown, field: string): number {
  if (!Number.isInteger(value) || (value as number) <= 0) {
    fail(
      ErrorNames.runtime,
      `The value of the field '${field}' must be a positive integer, but was: ${JSON.stringify(value)}`,
      {
        prefixed: true,
      },
    );
  }
  return value as number;
}
