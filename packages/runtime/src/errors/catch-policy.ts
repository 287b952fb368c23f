import { compileJsonata, type JsonataEvaluator } from '../dataflow/jsonata-expressions';
import { jsonataOutput, jsonataScope } from '../dataflow/jsonata-io';
import { compileResultPath, type ResultPlacer } from '../dataflow/jsonpath-expressions';
import { assignments, pathScope } from '../dataflow/jsonpath-io';
import { compileTemplate, type TemplateEvaluator } from '../dataflow/payload-template';
import type { Frame } from '../engine/run-context';
import type { QueryLanguage, StepResult } from '../plan/compiled-state';
import { errorMatches } from './error-matching';
import type { StateFailure } from './state-failure';

export interface Catcher {
  readonly errorEquals: readonly string[];
  readonly next: string;
  readonly queryLanguage: QueryLanguage;
  readonly resultPath: ResultPlacer;
  readonly pathAssign: TemplateEvaluator | undefined;
  readonly output: JsonataEvaluator | undefined;
  readonly jsonataAssign: JsonataEvaluator | undefined;
}

export function compileCatchers(raw: unknown, queryLanguage: QueryLanguage): readonly Catcher[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: Readonly<Record<string, unknown>>) => {
    const jsonata = queryLanguage === 'JSONata';
    return {
      errorEquals: Array.isArray(entry.ErrorEquals) ? (entry.ErrorEquals as string[]) : [],
      next: String(entry.Next),
      queryLanguage,
      resultPath: compileResultPath('ResultPath' in entry ? (entry.ResultPath as string | null) : undefined),
      pathAssign:
        !jsonata && entry.Assign !== undefined ? compileTemplate(entry.Assign, 'Assign') : undefined,
      output: jsonata && entry.Output !== undefined ? compileJsonata(entry.Output, 'Output') : undefined,
      jsonataAssign:
        jsonata && entry.Assign !== undefined ? compileJsonata(entry.Assign, 'Assign') : undefined,
    };
  });
}

export function findCatcher(catchers: readonly Catcher[], error: string | undefined): Catcher | undefined {
  return catchers.find((c) => errorMatches(c.errorEquals, error));
}

/** The state's output and assignments when `catcher` handles `failure`. */
export async function caughtResult(
  frame: Frame,
  catcher: Catcher,
  rawInput: unknown,
  failure: StateFailure,
  context: unknown,
): Promise<StepResult> {
  const errorOutput = failure.toErrorOutput();
  if (catcher.queryLanguage === 'JSONata') {
    const scope = jsonataScope(frame, rawInput, context, { errorOutput });
    const { output, assigned } = await jsonataOutput(
      { output: catcher.output, assign: catcher.jsonataAssign },
      scope,
      errorOutput,
    );
    return { output, next: catcher.next, assigned };
  }
  const assigned = catcher.pathAssign
    ? assignments(catcher.pathAssign(pathScope(frame, errorOutput, context), frame.run.env))
    : undefined;
  return { output: catcher.resultPath(rawInput, errorOutput), next: catcher.next, assigned };
}
