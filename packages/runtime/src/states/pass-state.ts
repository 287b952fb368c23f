import { compileJsonataIo, jsonataOutput, jsonataScope } from '../dataflow/jsonata-io';
import { compilePathIo, effectiveInput, outputFromResult } from '../dataflow/jsonpath-io';
import { stateContext } from '../engine/state-context';
import type { CompileContext, CompiledState, RawState } from '../plan/compiled-state';
import { has, nextOf, queryLanguageOf, readsContext } from '../plan/raw-fields';

export function compilePassState(name: string, raw: RawState, ctx: CompileContext): CompiledState {
  const next = nextOf(raw);
  if (queryLanguageOf(raw, ctx.queryLanguage) === 'JSONata') {
    const io = compileJsonataIo(raw);
    if (!io.output && !io.assign) {
      return { name, kind: 'Pass', execute: (_frame, entry) => ({ output: entry.input, next }) };
    }
    return {
      name,
      kind: 'Pass',
      async execute(frame, entry) {
        const scope = jsonataScope(frame, entry.input, stateContext(frame, entry));
        const { output, assigned } = await jsonataOutput(io, scope, entry.input);
        return { output, next, assigned };
      },
    };
  }
  const io = compilePathIo(raw);
  const hasResult = has(raw, 'Result');
  const fixedResult = raw.Result;
  const needsContext = readsContext(raw);
  return {
    name,
    kind: 'Pass',
    execute(frame, entry) {
      const context = needsContext ? stateContext(frame, entry) : undefined;
      const effective = effectiveInput(io, frame, entry.input, context);
      const result = hasResult ? fixedResult : effective;
      return outputFromResult(io, frame, entry.input, result, context, next);
    },
  };
}
