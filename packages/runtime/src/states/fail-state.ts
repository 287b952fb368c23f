import { compileJsonata } from '../dataflow/jsonata-expressions';
import { jsonataScope } from '../dataflow/jsonata-io';
import { compilePathOrIntrinsic } from '../dataflow/jsonpath-expressions';
import { pathScope } from '../dataflow/jsonpath-io';
import type { EvaluationEnv, JsonataScope, PathScope } from '../dataflow/scope';
import { stateContext } from '../engine/state-context';
import { fail } from '../errors/state-failure';
import type { CompileContext, CompiledState, RawState } from '../plan/compiled-state';
import { queryLanguageOf, stringField } from '../plan/raw-fields';

type PathText = (scope: PathScope, env: EvaluationEnv) => unknown;

export function compileFailState(name: string, raw: RawState, ctx: CompileContext): CompiledState {
  if (queryLanguageOf(raw, ctx.queryLanguage) === 'JSONata') {
    const error = raw.Error === undefined ? undefined : compileJsonata(raw.Error, 'Error');
    const cause = raw.Cause === undefined ? undefined : compileJsonata(raw.Cause, 'Cause');
    return {
      name,
      kind: 'Fail',
      async execute(frame, entry) {
        const scope: JsonataScope = jsonataScope(frame, entry.input, stateContext(frame, entry));
        const errorValue = error ? await error(scope) : undefined;
        const causeValue = cause ? await cause(scope) : undefined;
        return fail(asText(errorValue), asText(causeValue));
      },
    };
  }
  const errorPath = pathText(raw, 'ErrorPath');
  const causePath = pathText(raw, 'CausePath');
  const error = stringField(raw, 'Error');
  const cause = stringField(raw, 'Cause');
  return {
    name,
    kind: 'Fail',
    execute(frame, entry) {
      const scope = pathScope(frame, entry.input, stateContext(frame, entry));
      const errorValue = errorPath ? errorPath(scope, frame.run.env) : error;
      const causeValue = causePath ? causePath(scope, frame.run.env) : cause;
      return fail(asText(errorValue), asText(causeValue));
    },
  };
}

function pathText(raw: RawState, field: string): PathText | undefined {
  const source = stringField(raw, field);
  return source === undefined ? undefined : compilePathOrIntrinsic(source);
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
