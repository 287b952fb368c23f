import {
  call,
  dataPathEntry,
  numberEntry,
  onlyFields,
  optionalString,
  pathEntry,
  payloadEntry,
  resultPathEntry,
  templateEntry,
} from './field-entries';
import { writtenAsIs } from './payload-code';
import { RESULT_NAMES } from './selector-code';
import type { Fields, StateCodeContext } from './state-code-context';
import { tsLiteral } from './ts-literal';

export function passCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  const fields = ['Comment', 'InputPath', 'Parameters', 'Result', 'ResultPath', 'OutputPath', 'Assign'];
  if (!onlyFields(state, [...fields, 'QueryLanguage'])) return undefined;
  const result = state.Result;
  // The builder writes an object Result like a payload template: its ".$" entries must survive that.
  if (result !== undefined && !writtenAsIs(result)) return undefined;
  return call(
    'pass',
    name,
    [
      ['comment', optionalString(state.Comment)],
      ['inputPath', dataPathEntry(state.InputPath)],
      ['parameters', templateEntry(state.Parameters)],
      ['result', result === undefined ? undefined : tsLiteral(result)],
      ['resultPath', resultPathEntry(state.ResultPath)],
      ['outputPath', dataPathEntry(state.OutputPath)],
      // JSONPath Assign reads the state's result (Result, Parameters or the input).
      ['assign', payloadEntry(state.Assign, RESULT_NAMES)],
    ],
    context,
  );
}

export function waitCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  const fields = ['Comment', 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath', 'Assign'];
  if (!onlyFields(state, [...fields, 'QueryLanguage'])) return undefined;
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
      ['assign', payloadEntry(state.Assign)],
    ],
    context,
  );
}
