import type {
  IntrinsicArgument,
  IntrinsicCall,
  IntrinsicEnvironment,
  IntrinsicEnvironmentOptions,
} from '../intrinsics';
import { evaluateIntrinsic, InvalidIntrinsicError, parseIntrinsic } from '../intrinsics';
import type { CompiledPath, JsonPath, PathScope } from '../path';
import { compilePath, InvalidPathError, PATH_NOT_FOUND } from '../path';
import { InvalidPayloadTemplateError, PayloadPathNotFoundError } from './template-errors';

type MutableEnvironment = {
  -readonly [K in keyof IntrinsicEnvironment]: IntrinsicEnvironment[K];
};

/** Produces one value of the payload from the data in scope. */
export type ValueEvaluator = (scope: PathScope, env: IntrinsicEnvironmentOptions | undefined) => unknown;

/** Where a `.$` key sits, for error messages. */
export interface KeyLocation {
  /** The key without `.$`. */
  readonly field: string;
  /** JSON pointer of the key within the template. */
  readonly pointer: string;
  /** The state field holding the template, if known. */
  readonly templateField: string | undefined;
}

/** Compiles the value of a `.$` key: a path (`$`, `$$`, `$var`) or an intrinsic call. */
export function compileDynamicValue(value: unknown, location: KeyLocation): ValueEvaluator {
  if (typeof value !== 'string') {
    fail(location, `the value of a key ending in '.$' must be a string, not ${describe(value)}`);
  }
  if (value.startsWith('$')) return pathEvaluator(value, location);
  if (value.startsWith('States.')) return intrinsicEvaluator(value, location);
  return fail(location, `'${value}' is neither a path starting with '$' nor an intrinsic function call`);
}

function pathEvaluator(source: string, location: KeyLocation): ValueEvaluator {
  const compiled = compileOrFail(source, location);
  return (scope) => resolve(compiled, scope, location.field);
}

function intrinsicEvaluator(source: string, location: KeyLocation): ValueEvaluator {
  let call: IntrinsicCall;
  try {
    call = parseIntrinsic(source);
  } catch (error) {
    if (error instanceof InvalidIntrinsicError) fail(location, error.message, error);
    throw error;
  }
  // Every path argument is compiled now so that evaluation only looks it up.
  const paths = new Map<JsonPath, CompiledPath>();
  collectPaths(call, (path) => paths.set(path, compileOrFail(path, location)));
  // An evaluation is synchronous and never re-enters itself, so one environment serves every
  // evaluation of this call, pointed at the scope in hand: a hot loop then allocates no
  // environment and no path resolver per call.
  let current: PathScope | undefined;
  const env: MutableEnvironment = {
    random: undefined,
    uuid: undefined,
    resolvePath: (path) =>
      resolve(paths.get(path) ?? compilePath(path), current as PathScope, location.field),
  };
  return (scope, options) => {
    current = scope;
    env.random = options?.random;
    env.uuid = options?.uuid;
    try {
      return evaluateIntrinsic(call, env);
    } finally {
      // The scope holds the state's input: it is not kept alive past the evaluation.
      current = undefined;
    }
  };
}

function collectPaths(argument: IntrinsicArgument, add: (path: JsonPath) => void): void {
  if (argument.kind === 'path') add(argument.path);
  else if (argument.kind === 'call') for (const inner of argument.args) collectPaths(inner, add);
}

function resolve(compiled: CompiledPath, scope: PathScope, field: string): unknown {
  const value = compiled.read(scope);
  if (value !== PATH_NOT_FOUND) return value;
  // AWS quotes the document the path was read from: the context object for `$$` paths.
  const document = compiled.path.root.kind === 'context' ? scope.context : scope.input;
  throw new PayloadPathNotFoundError(field, compiled.source, document);
}

function compileOrFail(source: string | JsonPath, location: KeyLocation): CompiledPath {
  try {
    return compilePath(source);
  } catch (error) {
    if (error instanceof InvalidPathError) fail(location, error.message, error);
    throw error;
  }
}

function fail(location: KeyLocation, reason: string, cause?: unknown): never {
  throw new InvalidPayloadTemplateError(location.pointer, reason, { field: location.templateField, cause });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
