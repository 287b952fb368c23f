import {
  call,
  numberEntry,
  onlyFields,
  optionalString,
  pathEntry,
  payloadEntry,
  resultPathEntry,
} from './field-entries';
import { RESULT_NAMES } from './selector-code';
import type { Entry, Fields, StateCodeContext } from './state-code-context';
import { objectCode, tsLiteral, tsString } from './ts-literal';

const RETRY_FIELDS: Readonly<Record<string, string>> = {
  ErrorEquals: 'errors',
  Comment: 'comment',
  IntervalSeconds: 'intervalSeconds',
  MaxAttempts: 'maxAttempts',
  BackoffRate: 'backoffRate',
  MaxDelaySeconds: 'maxDelaySeconds',
  JitterStrategy: 'jitterStrategy',
};

export function taskCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  const allowed = [
    'Resource',
    'Comment',
    'InputPath',
    'Parameters',
    'ResultSelector',
    'ResultPath',
    'OutputPath',
  ];
  if (!onlyFields(state, [...allowed, 'TimeoutSeconds', 'HeartbeatSeconds', 'Retry', 'Catch']))
    return undefined;
  if (typeof state.Resource !== 'string' || state.InputPath === null || state.OutputPath === null)
    return undefined;
  const retry = retryEntry(state.Retry);
  const catchers = catchEntry(state.Catch, context);
  return call(
    'task',
    name,
    [
      ['resource', tsString(state.Resource)],
      ['comment', optionalString(state.Comment)],
      ['inputPath', pathEntry(state.InputPath)],
      ['parameters', payloadEntry(state.Parameters)],
      ['timeoutSeconds', numberEntry(state.TimeoutSeconds)],
      ['heartbeatSeconds', numberEntry(state.HeartbeatSeconds)],
      ['resultSelector', payloadEntry(state.ResultSelector, RESULT_NAMES)],
      ['resultPath', resultPathEntry(state.ResultPath)],
      ['outputPath', pathEntry(state.OutputPath)],
      ['retry', retry],
      ['catch', catchers],
    ],
    context,
  );
}

export function retryEntry(retry: unknown): Entry {
  if (retry === undefined) return undefined;
  // The builder leaves out an empty Retry; raw() keeps it.
  if (!Array.isArray(retry) || retry.length === 0) return false;
  const retriers = retry.map((retrier: Fields) => {
    if (!isErrorList(retrier.ErrorEquals) || !Object.keys(retrier).every((key) => key in RETRY_FIELDS))
      return undefined;
    return objectCode(
      Object.entries(retrier).map(([key, value]) => [RETRY_FIELDS[key]!, tsLiteral(value)] as const),
    );
  });
  return retriers.every((code) => code !== undefined) ? `[${retriers.join(', ')}]` : false;
}

export function catchEntry(catchers: unknown, context: StateCodeContext): Entry {
  if (catchers === undefined) return undefined;
  if (!Array.isArray(catchers) || catchers.length === 0) return false;
  const allowed = ['ErrorEquals', 'ResultPath', 'Comment', 'Next'];
  const valid = catchers.every(
    (catcher: Fields) =>
      isErrorList(catcher.ErrorEquals) &&
      typeof catcher.Next === 'string' &&
      Object.keys(catcher).every((key) => allowed.includes(key)) &&
      resultPathEntry(catcher.ResultPath) !== false &&
      optionalString(catcher.Comment) !== false,
  );
  if (!valid) return false;
  const handlers = catchers.map((catcher: Fields) => {
    const spec = objectCode([
      ['errors', tsLiteral(catcher.ErrorEquals)],
      ['comment', optionalString(catcher.Comment) || undefined],
      ['resultPath', resultPathEntry(catcher.ResultPath) || undefined],
    ]);
    return `on(${spec}, ${context.branch(catcher.Next as string)})`;
  });
  return `(on) => [${handlers.join(', ')}]`;
}

function isErrorList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
}
