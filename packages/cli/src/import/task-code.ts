import { assumedType, readsData } from './data-reads';
import { catchEntry, retryEntry } from './error-handling-code';
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
import { RESULT_NAMES } from './selector-code';
import type { Entry, Fields, StateCodeContext } from './state-code-context';
import { tsString } from './ts-literal';

export function taskCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  const allowed = [
    'Resource',
    'Comment',
    'InputPath',
    'Parameters',
    'ResultSelector',
    'ResultPath',
    'OutputPath',
    'Assign',
    'QueryLanguage',
  ];
  const timing = ['TimeoutSeconds', 'HeartbeatSeconds', 'TimeoutSecondsPath', 'HeartbeatSecondsPath'];
  if (!onlyFields(state, [...allowed, ...timing, 'Retry', 'Catch'])) return undefined;
  if (typeof state.Resource !== 'string') return undefined;
  return call(
    'task',
    name,
    [
      ['resource', tsString(state.Resource)],
      ['comment', optionalString(state.Comment)],
      ['inputPath', dataPathEntry(state.InputPath)],
      ['parameters', templateEntry(state.Parameters)],
      ['timeoutSeconds', secondsEntry(state.TimeoutSeconds, state.TimeoutSecondsPath)],
      ['heartbeatSeconds', secondsEntry(state.HeartbeatSeconds, state.HeartbeatSecondsPath)],
      ['result', resultEntry(state, context)],
      ['resultSelector', templateEntry(state.ResultSelector)],
      ['resultPath', resultPathEntry(state.ResultPath)],
      ['outputPath', dataPathEntry(state.OutputPath)],
      ['assign', payloadEntry(state.Assign, RESULT_NAMES)],
      ['retry', retryEntry(state.Retry)],
      ['catch', catchEntry(state.Catch, context, 'JSONPath')],
    ],
    context,
  );
}

/** `TimeoutSeconds` or `TimeoutSecondsPath` (the same for the heartbeat): a number or a path. */
function secondsEntry(seconds: unknown, path: unknown): Entry {
  if (path === undefined) return numberEntry(seconds);
  return seconds === undefined ? pathEntry(path) : false;
}

/**
 * The result's type, where the data it reaches is read: a result is only
 * known at run time, so it is assumed to have the fields the definition reads
 * (`z.custom<Data>()`, which checks nothing at run time).
 */
function resultEntry(state: Fields, context: StateCodeContext): Entry {
  const selectorReads = state.ResultSelector !== undefined && readsData(state.ResultSelector);
  if (!selectorReads && (state.ResultPath === null || !context.readsAfter)) return undefined;
  const type = selectorReads ? 'Data' : assumedType(state.ResultPath);
  if (type === undefined) return undefined;
  context.use('Data');
  return `z.custom<${type}>()`;
}
