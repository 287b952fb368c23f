import { choiceCode } from './choice-state-code';
import { ImportUnsupportedError } from './import-errors';
import { mapCode, parallelCode } from './parallel-map-code';
import { passCode, waitCode } from './pass-wait-code';
import type { Fields, StateCodeContext } from './state-code-context';
import { taskCode } from './task-code';
import { terminalCode, terminalRefusal } from './terminal-code';
import { tsLiteral, tsString } from './ts-literal';

export type { StateCodeContext } from './state-code-context';

export interface StateCode {
  code: string;
  /** True when the state is written with the `raw()` escape hatch. */
  raw: boolean;
}

/** The builder code for one state: typed where every field has a typed equivalent, `raw()` otherwise. */
export function stateCode(name: string, state: Fields, context: StateCodeContext): StateCode {
  const typed =
    context.language === 'JSONPath' && state.QueryLanguage === undefined
      ? typedCode(name, state, context)
      : undefined;
  if (typed !== undefined) return { code: typed, raw: false };
  if (state.Type === 'Succeed' || state.Type === 'Fail' || state.Type === 'Choice') {
    const terminal = terminalCode(name, state, context);
    if (terminal !== undefined) return { code: terminal, raw: false };
    throw new ImportUnsupportedError(`State "${name}": ${terminalRefusal(state)}`);
  }
  if (Array.isArray(state.Catch) && state.Catch.length > 0) {
    throw new ImportUnsupportedError(
      `State "${name}": raw() cannot carry Catch, and the state's fields need raw().`,
    );
  }
  if (state.QueryLanguage !== undefined && state.QueryLanguage === context.language) {
    throw new ImportUnsupportedError(
      `State "${name}" repeats the machine's QueryLanguage, which the builder leaves out.`,
    );
  }
  context.use('raw');
  const { Next: _next, End: _end, ...fields } = state;
  return { code: `raw(${tsString(name)}, ${tsLiteral(fields)})`, raw: true };
}

function typedCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  switch (state.Type) {
    case 'Task':
      return taskCode(name, state, context);
    case 'Pass':
      return passCode(name, state, context);
    case 'Wait':
      return waitCode(name, state, context);
    case 'Choice':
      return choiceCode(name, state, context);
    case 'Parallel':
      return parallelCode(name, state, context);
    case 'Map':
      return mapCode(name, state, context);
    default:
      return undefined;
  }
}
