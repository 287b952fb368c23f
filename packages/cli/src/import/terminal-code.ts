import { call, onlyFields, optionalString, pathEntry } from './field-entries';
import { intrinsicCode } from './intrinsic-code';
import { INPUT_NAMES, selectorFunction } from './selector-code';
import type { Entry, Fields, StateCodeContext } from './state-code-context';

/**
 * Succeed and Fail of either language. Their fields are literal, or in
 * JSONPath a plain reference or an intrinsic call (`ErrorPath`, `CausePath`).
 */
export function terminalCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  if (state.Type === 'Succeed') {
    if (!onlyFields(state, ['Comment', 'QueryLanguage'])) return undefined;
    return call('succeed', name, [['comment', optionalString(state.Comment)]], context);
  }
  const fields = ['Comment', 'Error', 'Cause', 'ErrorPath', 'CausePath', 'QueryLanguage'];
  if (state.Type !== 'Fail' || !onlyFields(state, fields)) return undefined;
  const jsonPath = (context.declared ?? context.language) === 'JSONPath';
  return call(
    'fail',
    name,
    [
      ['comment', optionalString(state.Comment)],
      ['error', messageEntry(state.Error, state.ErrorPath, jsonPath, context)],
      ['cause', messageEntry(state.Cause, state.CausePath, jsonPath, context)],
    ],
    context,
  );
}

/** `Error`/`ErrorPath` (or `Cause`/`CausePath`): a literal, a path or an intrinsic call. */
function messageEntry(literal: unknown, path: unknown, jsonPath: boolean, context: StateCodeContext): Entry {
  if (path === undefined) return optionalString(literal);
  if (literal !== undefined || !jsonPath) return false;
  const reference = pathEntry(path);
  if (reference !== false) return reference;
  const intrinsic = intrinsicCode(path, INPUT_NAMES);
  if (intrinsic === undefined) return false;
  context.use('States');
  return selectorFunction(intrinsic, INPUT_NAMES);
}

/** Why a Choice, Succeed or Fail state has no builder form; these states cannot be written with raw(). */
export function terminalRefusal(state: Fields): string {
  const rules = Array.isArray(state.Choices) ? (state.Choices as Fields[]) : [];
  const keys = rules.flatMap((rule) => Object.keys(rule ?? {}));
  if (keys.includes('Condition'))
    return 'a JSONata Condition the builder cannot write back exactly (it must be a boolean or a whole `{% %}` expression).';
  return `a ${String(state.Type)} state with fields the builder does not offer (${Object.keys(state).join(', ')}).`;
}
