import {
  call,
  numberEntry,
  onlyFields,
  optionalString,
  pathEntry,
  payloadEntry,
  resultPathEntry,
} from './field-entries';
import type { Fields, StateCodeContext } from './state-code-context';
import { tsLiteral } from './ts-literal';

export function passCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  if (!onlyFields(state, ['Comment', 'InputPath', 'Parameters', 'Result', 'ResultPath', 'OutputPath']))
    return undefined;
  if (state.InputPath === null || state.OutputPath === null) return undefined;
  const result = state.Result;
  // The builder writes Result as a payload template, so only objects without ".$" keys survive unchanged.
  const plainResult =
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result) &&
    !JSON.stringify(result).includes('.$"');
  if (result !== undefined && !plainResult) return undefined;
  return call(
    'pass',
    name,
    [
      ['comment', optionalString(state.Comment)],
      ['inputPath', pathEntry(state.InputPath)],
      ['parameters', payloadEntry(state.Parameters)],
      ['result', result === undefined ? undefined : tsLiteral(result)],
      ['resultPath', resultPathEntry(state.ResultPath)],
      ['outputPath', pathEntry(state.OutputPath)],
    ],
    context,
  );
}

export function waitCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  if (!onlyFields(state, ['Comment', 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']))
    return undefined;
  const seconds = state.Seconds !== undefined ? numberEntry(state.Seconds) : pathEntry(state.SecondsPath);
  const stamp =
    state.Timestamp !== undefined ? optionalString(state.Timestamp) : pathEntry(state.TimestampPath);
  if ((seconds === undefined) === (stamp === undefined)) return undefined;
  return call(
    'wait',
    name,
    [
      ['comment', optionalString(state.Comment)],
      ['seconds', seconds],
      ['timestamp', stamp],
    ],
    context,
  );
}
