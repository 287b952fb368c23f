import type { Frame } from '../engine/run-context';
import type { RawState, StepResult } from '../plan/compiled-state';
import { has } from '../plan/raw-fields';
import { compileJsonata, type JsonataEvaluator } from './jsonata-expressions';
import { assignments } from './jsonpath-io';
import type { JsonataScope } from './scope';

/** A state's JSONata-language fields, compiled once. */
export interface JsonataIo {
  readonly arguments: JsonataEvaluator | undefined;
  readonly output: JsonataEvaluator | undefined;
  readonly assign: JsonataEvaluator | undefined;
}

export function compileJsonataIo(raw: RawState, argumentsField = 'Arguments'): JsonataIo {
  return {
    arguments: has(raw, argumentsField) ? compileJsonata(raw[argumentsField], argumentsField) : undefined,
    output: has(raw, 'Output') ? compileJsonata(raw.Output, 'Output') : undefined,
    assign: has(raw, 'Assign') ? compileJsonata(raw.Assign, 'Assign') : undefined,
  };
}

export function jsonataScope(
  frame: Frame,
  input: unknown,
  context: unknown,
  extra?: { result?: unknown; errorOutput?: unknown },
): JsonataScope {
  return {
    input,
    context,
    variables: frame.vars.map,
    result: extra?.result,
    errorOutput: extra?.errorOutput,
    env: frame.run.env,
  };
}

export interface JsonataOutcome {
  readonly output: unknown;
  readonly assigned: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Assign and Output, both against the variables as they were on entry. Without Output the state
 * passes on `fallback` (the result, or the input for states that produce none).
 */
export async function jsonataOutput(
  io: { readonly output: JsonataEvaluator | undefined; readonly assign: JsonataEvaluator | undefined },
  scope: JsonataScope,
  fallback: unknown,
): Promise<JsonataOutcome> {
  const assigned = io.assign ? assignments(await io.assign(scope)) : undefined;
  const output = io.output ? await io.output(scope) : fallback;
  return { output, assigned };
}

const NO_JSONATA_IO = { output: undefined, assign: undefined };

/**
 * The end of a JSONata state that produced a result (Task, Parallel, Map): Output and Assign
 * evaluated with `$states.result`, the result itself passed on when there is no Output.
 */
export async function jsonataResultStep(
  io: JsonataIo | undefined,
  frame: Frame,
  input: unknown,
  context: unknown,
  result: unknown,
  next: string | undefined,
): Promise<StepResult> {
  const outcome = await jsonataOutput(
    io ?? NO_JSONATA_IO,
    jsonataScope(frame, input, context, { result }),
    result,
  );
  return { output: outcome.output, next, assigned: outcome.assigned };
}
