import { compileJsonataIo, jsonataOutput, jsonataScope } from '../dataflow/jsonata-io';
import { compileFilterPath } from '../dataflow/jsonpath-expressions';
import { pathScope } from '../dataflow/jsonpath-io';
import { stateContext } from '../engine/state-context';
import type { CompileContext, CompiledState, RawState } from '../plan/compiled-state';
import { nullablePathField, queryLanguageOf } from '../plan/raw-fields';

export function compileSucceedState(name: string, raw: RawState, ctx: CompileContext): CompiledState {
  if (queryLanguageOf(raw, ctx.queryLanguage) === 'JSONata') {
    const io = compileJsonataIo(raw);
    return {
      name,
      kind: 'Succeed',
      async execute(frame, entry) {
        const scope = jsonataScope(frame, entry.input, stateContext(frame, entry));
        const { output } = await jsonataOutput({ output: io.output, assign: undefined }, scope, entry.input);
        return { output, next: undefined };
      },
    };
  }
  const inputPath = compileFilterPath(nullablePathField(raw, 'InputPath'));
  const outputPath = compileFilterPath(nullablePathField(raw, 'OutputPath'));
  return {
    name,
    kind: 'Succeed',
    execute(frame, entry) {
      const context = stateContext(frame, entry);
      const afterInput = inputPath ? inputPath(pathScope(frame, entry.input, context)) : entry.input;
      const output = outputPath ? outputPath(pathScope(frame, afterInput, context)) : afterInput;
      return { output, next: undefined };
    },
  };
}
