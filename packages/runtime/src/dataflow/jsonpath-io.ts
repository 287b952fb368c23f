import type { Frame } from '../engine/run-context';
import type { RawState } from '../plan/compiled-state';
import { has, nullablePathField } from '../plan/raw-fields';
import { compileFilterPath, compileResultPath, type ResultPlacer } from './jsonpath-expressions';
import { compileTemplate, type TemplateEvaluator } from './payload-template';
import type { PathScope } from './scope';

/** A state's JSONPath input/output processing, compiled once. */
export interface PathIo {
  readonly inputPath: ((scope: PathScope) => unknown) | null;
  readonly parameters: TemplateEvaluator | undefined;
  readonly resultSelector: TemplateEvaluator | undefined;
  readonly resultPath: ResultPlacer;
  readonly outputPath: ((scope: PathScope) => unknown) | null;
  readonly assign: TemplateEvaluator | undefined;
}

export function compilePathIo(raw: RawState, parametersField = 'Parameters'): PathIo {
  return {
    inputPath: compileFilterPath(nullablePathField(raw, 'InputPath')),
    parameters: has(raw, parametersField)
      ? compileTemplate(raw[parametersField], parametersField)
      : undefined,
    resultSelector: has(raw, 'ResultSelector')
      ? compileTemplate(raw.ResultSelector, 'ResultSelector')
      : undefined,
    resultPath: compileResultPath(nullablePathField(raw, 'ResultPath')),
    outputPath: compileFilterPath(nullablePathField(raw, 'OutputPath')),
    assign: has(raw, 'Assign') ? compileTemplate(raw.Assign, 'Assign') : undefined,
  };
}

export function pathScope(frame: Frame, input: unknown, context: unknown): PathScope {
  return { input, context, variables: frame.vars.map };
}

/** InputPath, then Parameters: the state's effective input. */
export function effectiveInput(io: PathIo, frame: Frame, rawInput: unknown, context: unknown): unknown {
  const afterInputPath = io.inputPath ? io.inputPath(pathScope(frame, rawInput, context)) : rawInput;
  return io.parameters
    ? io.parameters(pathScope(frame, afterInputPath, context), frame.run.env)
    : afterInputPath;
}

export interface PathOutcome {
  readonly output: unknown;
  /** The state to go to next: carried here so the outcome is the state's result as it is. */
  readonly next: string | undefined;
  readonly assigned: Readonly<Record<string, unknown>> | undefined;
}

/**
 * ResultSelector, Assign, ResultPath, OutputPath: from a result to the state's output. The
 * outcome doubles as the state's StepResult, which saves an object per state.
 */
export function outputFromResult(
  io: PathIo,
  frame: Frame,
  rawInput: unknown,
  result: unknown,
  context: unknown,
  next: string | undefined,
): PathOutcome {
  const selected = io.resultSelector
    ? io.resultSelector(pathScope(frame, result, context), frame.run.env)
    : result;
  const assigned = io.assign
    ? assignments(io.assign(pathScope(frame, selected, context), frame.run.env))
    : undefined;
  const placed = io.resultPath(rawInput, selected);
  const output = io.outputPath ? io.outputPath(pathScope(frame, placed, context)) : placed;
  return { output, next, assigned };
}

export function assignments(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
