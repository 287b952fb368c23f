import { call, onlyFields, optionalString, pathEntry } from './field-entries';
import type { Fields, StateCodeContext } from './state-code-context';

/** Succeed and Fail of either language, whose fields are literal (or plain references in JSONPath). */
export function terminalCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  if (state.QueryLanguage !== undefined) return undefined;
  if (state.Type === 'Succeed') {
    if (!onlyFields(state, ['Comment'])) return undefined;
    return call('succeed', name, [['comment', optionalString(state.Comment)]], context);
  }
  if (state.Type !== 'Fail' || !onlyFields(state, ['Comment', 'Error', 'Cause', 'ErrorPath', 'CausePath']))
    return undefined;
  const jsonPath = context.language === 'JSONPath';
  const error =
    state.Error !== undefined ? optionalString(state.Error) : jsonPath ? pathEntry(state.ErrorPath) : false;
  const cause =
    state.Cause !== undefined ? optionalString(state.Cause) : jsonPath ? pathEntry(state.CausePath) : false;
  if (
    (state.Error !== undefined && state.ErrorPath !== undefined) ||
    (state.Cause !== undefined && state.CausePath !== undefined)
  ) {
    return undefined;
  }
  return call(
    'fail',
    name,
    [
      ['comment', optionalString(state.Comment)],
      ['error', state.Error === undefined && state.ErrorPath === undefined ? undefined : error],
      ['cause', state.Cause === undefined && state.CausePath === undefined ? undefined : cause],
    ],
    context,
  );
}

/** Why a Choice, Succeed or Fail state has no builder form; these states cannot be written with raw(). */
export function terminalRefusal(state: Fields): string {
  const rules = Array.isArray(state.Choices) ? (state.Choices as Fields[]) : [];
  const keys = rules.flatMap((rule) => Object.keys(rule ?? {}));
  const pathOperator = keys.find((key) => key.endsWith('Path'));
  if (pathOperator)
    return `a Choice rule compares with another path (${pathOperator}); the builder's conditions take literals.`;
  if (keys.includes('Condition'))
    return 'a JSONata Condition; the builder writes conditions it builds, not given text.';
  if (keys.includes('Assign') || keys.includes('Output'))
    return 'a Choice rule with Assign or Output, which the builder does not offer.';
  if (state.QueryLanguage !== undefined)
    return `a ${String(state.Type)} state that sets QueryLanguage, which the builder does not offer.`;
  return `a ${String(state.Type)} state with fields the builder does not offer (${Object.keys(state).join(', ')}).`;
}
