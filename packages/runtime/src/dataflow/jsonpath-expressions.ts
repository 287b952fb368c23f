import {
  compilePath,
  evaluateIntrinsic,
  formatPath,
  IntrinsicFailureError,
  isIntrinsicCall,
  type JsonPath,
  PATH_NOT_FOUND,
  parseIntrinsic,
  parsePath,
  ResultPathMatchError,
  setAtPath,
} from '@stepwise/asl';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import type { EvaluationEnv, PathScope } from './scope';

/** Reads a path that must match; a miss fails the state with AWS's States.Runtime cause. */
export type RequiredPath = (scope: PathScope) => unknown;

export function compileRequiredPath(source: string): RequiredPath {
  const compiled = compilePath(source);
  const missing = `Invalid path '${source}' : No results for path: ${formatPath(compiled.path)}`;
  return (scope) => {
    const value = compiled.read(scope);
    if (value === PATH_NOT_FOUND) fail(ErrorNames.runtime, missing, { prefixed: true });
    return value;
  };
}

/** Reads a path that may miss; `undefined` when it does. */
export function compileOptionalPath(source: string): (scope: PathScope) => unknown {
  const compiled = compilePath(source);
  return (scope) => {
    const value = compiled.read(scope);
    return value === PATH_NOT_FOUND ? undefined : value;
  };
}

/** A field that holds either a path or an intrinsic call (ErrorPath, CausePath, Assign values...). */
export function compilePathOrIntrinsic(source: string): (scope: PathScope, env: EvaluationEnv) => unknown {
  if (isIntrinsicCall(source)) {
    const call = parseIntrinsic(source);
    return (scope, env) => evaluateIntrinsicCall(call, scope, env);
  }
  const path = compileRequiredPath(source);
  return (scope) => path(scope);
}

type IntrinsicCallAst = ReturnType<typeof parseIntrinsic>;

export function evaluateIntrinsicCall(call: IntrinsicCallAst, scope: PathScope, env: EvaluationEnv): unknown {
  try {
    return evaluateIntrinsic(call, {
      random: env.random,
      uuid: env.uuid,
      resolvePath: (path: JsonPath, source: string) => {
        const result = compilePath(path).evaluate(scope);
        if (!result.found) {
          fail(ErrorNames.runtime, `Invalid path '${source}' : No results for path: ${formatPath(path)}`, {
            prefixed: true,
          });
        }
        return result.value;
      },
    });
  } catch (error) {
    if (error instanceof IntrinsicFailureError)
      fail(ErrorNames.intrinsicFailure, error.message, { prefixed: true });
    throw error;
  }
}

/** ResultPath: where the result goes in the state's input. */
export type ResultPlacer = (input: unknown, result: unknown) => unknown;

export function compileResultPath(source: string | null | undefined): ResultPlacer {
  if (source === undefined || source === '$') return (_input, result) => result;
  if (source === null) return (input) => input;
  const path = parsePath(source);
  return (input, result) => {
    try {
      return setAtPath(input, path, result);
    } catch (error) {
      if (error instanceof ResultPathMatchError) {
        fail(ErrorNames.resultPathMatchFailure, error.message, { prefixed: true });
      }
      throw error;
    }
  };
}

/** InputPath/OutputPath: absent means `$`, null means `{}`. */
export function compileFilterPath(source: string | null | undefined): ((scope: PathScope) => unknown) | null {
  if (source === undefined || source === '$') return null;
  if (source === null) return () => ({});
  return compileRequiredPath(source);
}
