import { awsJsonataFunctions, type JsonataRandomSources } from './aws-functions';
import { EvaluationGuard, GUARD_BINDING, type JsonataGuardrails } from './evaluation-guard';
import { toJsonResult, UnsupportedJsonataResult } from './json-result';
import { JsonataEvaluationError } from './jsonata-errors';
import type { CompiledJsonata } from './jsonata-expression';

/** What `$states` holds while an expression runs. */
export interface JsonataStatesBinding {
  readonly input: unknown;
  readonly result?: unknown;
  readonly errorOutput?: unknown;
  readonly context: unknown;
}

export interface JsonataBindings {
  readonly states: JsonataStatesBinding;
  /** Workflow variables, each bound as `$name`. */
  readonly variables?: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;
}

export interface JsonataEvaluationOptions extends JsonataGuardrails, JsonataRandomSources {
  /** The field being evaluated (`Output`, `Arguments/FunctionName`, ...), quoted in messages. */
  readonly field?: string;
}

interface JsonataRuntimeError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly position?: unknown;
}

/** AWS's cause for a field whose expression produced nothing. */
export function undefinedResultMessage(compiled: CompiledJsonata, field: string): string {
  return `The JSONata expression '${compiled.source}' specified for the field '${field}' returned nothing (undefined).`;
}

function unsupportedResultMessage(compiled: CompiledJsonata, field: string | undefined): string {
  const where = field === undefined ? '' : ` specified for the field '${field}'`;
  return `The JSONata expression '${compiled.source}'${where} returned an unsupported result type.`;
}

function variableEntries(variables: JsonataBindings['variables']): Iterable<[string, unknown]> {
  if (variables === undefined) return [];
  return variables instanceof Map ? variables.entries() : Object.entries(variables);
}

/**
 * Evaluates against `$states` and the variables, with AWS's additional functions and the
 * guardrails switched on. Resolves to plain JSON, or undefined when the expression yields
 * nothing; rejects with `JsonataEvaluationError`.
 */
export async function evaluateJsonata(
  compiled: CompiledJsonata,
  bindings: JsonataBindings,
  options: JsonataEvaluationOptions = {},
): Promise<unknown> {
  const scope: Record<string, unknown> = Object.create(null);
  for (const [name, value] of variableEntries(bindings.variables)) scope[name] = value;
  Object.assign(scope, awsJsonataFunctions(options));
  scope.states = bindings.states;
  scope[GUARD_BINDING] = new EvaluationGuard(options);
  let result: unknown;
  try {
    result = await compiled.expression.evaluate(undefined, scope);
  } catch (error) {
    throw asEvaluationError(error);
  }
  try {
    return toJsonResult(result);
  } catch (error) {
    if (error instanceof UnsupportedJsonataResult) {
      throw new JsonataEvaluationError(unsupportedResultMessage(compiled, options.field));
    }
    throw error;
  }
}

function asEvaluationError(error: unknown): JsonataEvaluationError {
  if (error instanceof JsonataEvaluationError) return error;
  const { code, message, position } = (error ?? {}) as JsonataRuntimeError;
  const jsonataCode = typeof code === 'string' ? code : undefined;
  const at = typeof position === 'number' ? ` (position ${position})` : '';
  return new JsonataEvaluationError(`${String(message ?? error)}${at}`, { cause: error, jsonataCode });
}
