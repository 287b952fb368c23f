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
import { catchEntry, retryEntry } from './task-code';

/** Fields Parallel and Map share (JSONPath), with their builder option names. */
const ERROR_FIELDS = ['Retry', 'Catch'];
const DATA_FIELDS = ['Comment', 'InputPath', 'ResultSelector', 'ResultPath', 'OutputPath'];

/** A JSONPath Parallel state with nested builder code for each branch: `branches: [(b) => b.next(...)]`. */
export function parallelCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  if (!onlyFields(state, [...DATA_FIELDS, ...ERROR_FIELDS, 'Parameters', 'Branches'])) return undefined;
  if (!Array.isArray(state.Branches) || state.Branches.length === 0) return undefined;
  const branches = state.Branches as Fields[];
  if (!branches.every((branch) => onlyFields(branch, ['StartAt', 'States']))) return undefined;
  const shared = sharedEntries(state, context);
  if (shared === undefined) return undefined;
  const branchCode = branches.map((branch) => `(b) => b.next(${context.scope(branch)})`);
  return call(
    'parallel',
    name,
    [...shared.before, ['branches', `[${branchCode.join(', ')}]`], ...shared.after],
    context,
  );
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
  const shared = sharedEntries(state, context);
  if (shared === undefined) return undefined;
  const concurrency =
    state.MaxConcurrencyPath !== undefined
      ? pathEntry(state.MaxConcurrencyPath)
      : numberEntry(state.MaxConcurrency);
  return call(
    'map',
    name,
    [
      ...shared.before,
      ['itemsPath', pathEntry(state.ItemsPath)],
      ['itemSelector', payloadEntry(state.ItemSelector)],
      ['maxConcurrency', concurrency],
      ['processor', `(item) => item.next(${context.scope(processor)})`],
      ...shared.after,
    ],
    context,
  );
}

type Entries = Array<readonly [string, Entry]>;

/** The data and error-handling fields, or `undefined` when one has no typed form. */
function sharedEntries(
  state: Fields,
  context: StateCodeContext,
): { before: Entries; after: Entries } | undefined {
  if (state.InputPath === null || state.OutputPath === null) return undefined;
  const before: Entries = [
    ['comment', optionalString(state.Comment)],
    ['inputPath', pathEntry(state.InputPath)],
    ['parameters', payloadEntry(state.Parameters)],
  ];
  const after: Entries = [
    ['resultSelector', payloadEntry(state.ResultSelector, RESULT_NAMES)],
    ['resultPath', resultPathEntry(state.ResultPath)],
    ['outputPath', pathEntry(state.OutputPath)],
    ['retry', retryEntry(state.Retry)],
  ];
  if ([...before, ...after].some(([, entry]) => entry === false)) return undefined;
  // Catch handlers are chains of their own; they are generated only once the rest is known to be typed.
  const catchers = catchEntry(state.Catch, context);
  if (catchers === false) return undefined;
  return { before, after: [...after, ['catch', catchers]] };
}
