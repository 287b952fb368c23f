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
import type { Fields, LaterEntry, StateCodeContext } from './state-code-context';

/** Fields Parallel and Map share (JSONPath), with their builder option names. */
const ERROR_FIELDS = ['Retry', 'Catch'];
const DATA_FIELDS = [
  'Comment',
  'InputPath',
  'ResultSelector',
  'ResultPath',
  'OutputPath',
  'Assign',
  'QueryLanguage',
];

/** A JSONPath Parallel state with nested builder code for each branch: `branches: [(b) => b.next(...)]`. */
export function parallelCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  if (!onlyFields(state, [...DATA_FIELDS, ...ERROR_FIELDS, 'Parameters', 'Branches'])) return undefined;
  if (!Array.isArray(state.Branches) || state.Branches.length === 0) return undefined;
  const branches = state.Branches as Fields[];
  if (!branches.every((branch) => onlyFields(branch, ['StartAt', 'States']))) return undefined;
  const branchCode = () => `[${branches.map((branch) => `(b) => b${context.scope(branch)}`).join(', ')}]`;
  const { before, after } = sharedEntries(state, context);
  return call('parallel', name, [...before, ['branches', branchCode], ...after], context);
}

/** An inline JSONPath Map state with nested builder code for its processor. */
export function mapCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  const own = ['ItemsPath', 'ItemSelector', 'ItemProcessor', 'MaxConcurrency', 'MaxConcurrencyPath'];
  if (!onlyFields(state, [...DATA_FIELDS, ...ERROR_FIELDS, ...own])) return undefined;
  const processor = state.ItemProcessor as Fields | undefined;
  const config = processor?.ProcessorConfig as Fields | undefined;
  // The builder always writes `ProcessorConfig: { Mode: 'INLINE' }` for an inline Map.
  if (!processor || !onlyFields(processor, ['ProcessorConfig', 'StartAt', 'States'])) return undefined;
  if (config?.Mode !== 'INLINE' || Object.keys(config).length !== 1) return undefined;
  const concurrency =
    state.MaxConcurrencyPath !== undefined
      ? pathEntry(state.MaxConcurrencyPath)
      : numberEntry(state.MaxConcurrency);
  const { before, after } = sharedEntries(state, context);
  return call(
    'map',
    name,
    [
      ...before,
      ['itemsPath', pathEntry(state.ItemsPath)],
      ['itemSelector', templateEntry(state.ItemSelector)],
      ['maxConcurrency', concurrency],
      ['processor', () => `(item) => item${context.scope(processor)}`],
      ...after,
    ],
    context,
  );
}

type Entries = Array<readonly [string, LaterEntry]>;

/** The data and error-handling fields; Catch handlers, being chains, are generated last. */
function sharedEntries(state: Fields, context: StateCodeContext): { before: Entries; after: Entries } {
  return {
    before: [
      ['comment', optionalString(state.Comment)],
      ['inputPath', dataPathEntry(state.InputPath)],
      ['parameters', templateEntry(state.Parameters)],
    ],
    after: [
      ['resultSelector', payloadEntry(state.ResultSelector, RESULT_NAMES)],
      ['resultPath', resultPathEntry(state.ResultPath)],
      ['outputPath', dataPathEntry(state.OutputPath)],
      ['assign', payloadEntry(state.Assign, RESULT_NAMES)],
      ['retry', retryEntry(state.Retry)],
      ['catch', catchEntry(state.Catch, context, 'JSONPath')],
    ],
  };
}
