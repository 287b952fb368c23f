import { choiceCode } from './choice-state-code';
import { catchEntry } from './error-handling-code';
import { ImportUnsupportedError } from './import-errors';
import { jsonataChoiceCode } from './jsonata-choice-code';
import { jsonataStateCode } from './jsonata-state-code';
import { mapCode, parallelCode } from './parallel-map-code';
import { passCode, waitCode } from './pass-wait-code';
import type { Fields, StateCodeContext } from './state-code-context';
import { taskCode } from './task-code';
import { terminalCode, terminalRefusal } from './terminal-code';
import { objectCode, tsLiteral, tsString } from './ts-literal';

export type { StateCodeContext } from './state-code-context';

export interface StateCode {
  code: string;
  /** True when the state is written with the `raw()` escape hatch. */
  raw: boolean;
}

/** The builder code for one state: typed where every field has a typed equivalent, `raw()` otherwise. */
export function stateCode(name: string, state: Fields, outer: StateCodeContext): StateCode {
  const declared = state.QueryLanguage;
  if (declared !== undefined && declared !== 'JSONPath' && declared !== 'JSONata')
    throw new ImportUnsupportedError(`State "${name}" has an unknown QueryLanguage.`);
  const context: StateCodeContext = { ...outer, declared };
  const language = declared ?? context.language;
  const typed =
    language === 'JSONPath' ? typedCode(name, state, context) : jsonataStateCode(name, state, context);
  if (typed !== undefined) return { code: typed, raw: false };
  if (state.Type === 'Succeed' || state.Type === 'Fail' || state.Type === 'Choice') {
    const terminal =
      state.Type === 'Choice' ? jsonataChoiceCode(name, state, context) : terminalCode(name, state, context);
    if (terminal !== undefined) return { code: terminal, raw: false };
    throw new ImportUnsupportedError(`State "${name}": ${terminalRefusal(state)}`);
  }
  return { code: rawCode(name, state, context), raw: true };
}

/** `raw(name, fields, { catch, writeQueryLanguage })`: the fields as written, the handlers as chains. */
function rawCode(name: string, state: Fields, context: StateCodeContext): string {
  const { Next: _next, End: _end, Catch: catchers, ...rest } = state;
  // Catch handlers become chains; an empty Catch, or one on a state that takes none, stays as written.
  const chained =
    Array.isArray(catchers) &&
    catchers.length > 0 &&
    ['Task', 'Parallel', 'Map'].includes(String(state.Type));
  const written = chained || catchers === undefined ? rest : { ...rest, Catch: catchers };
  const handlers = chained ? catchEntry(catchers, context, context.declared ?? context.language) : undefined;
  if (handlers === false)
    throw new ImportUnsupportedError(`State "${name}": a Catch the builder cannot write back the same.`);
  context.use('raw');
  // What a raw state hands on is only known at run time: assumed to have the fields the definition reads.
  if (context.readsAfter) context.use('Data');
  const options = objectCode([
    ['output', context.readsAfter ? 'z.custom<Data>()' : undefined],
    ['catch', typeof handlers === 'function' ? handlers() || undefined : handlers],
    ['writeQueryLanguage', context.declared === context.language ? 'true' : undefined],
  ]);
  return `raw(${tsString(name)}, ${tsLiteral(written)}${options === '{}' ? '' : `, ${options}`})`;
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
    case 'Succeed':
    case 'Fail':
      return terminalCode(name, state, context);
    default:
      return undefined;
  }
}
