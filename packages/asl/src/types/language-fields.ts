import { STATE_TYPES, type StateType } from './state-types';

/*
 * Which fields belong to one query language only. A validator uses these to
 * say "this field is JSONPath-only" instead of a bare "unknown field".
 * The type tests check every list against the state types, so the two
 * cannot drift apart.
 */

const JSONPATH_IO = ['InputPath', 'OutputPath'] as const;

const jsonPathOnly = {
  Pass: [...JSONPATH_IO, 'ResultPath', 'Parameters', 'Result'],
  Task: [
    ...JSONPATH_IO,
    'ResultPath',
    'Parameters',
    'ResultSelector',
    'TimeoutSecondsPath',
    'HeartbeatSecondsPath',
  ],
  Choice: [...JSONPATH_IO],
  Wait: [...JSONPATH_IO, 'SecondsPath', 'TimestampPath'],
  Succeed: [...JSONPATH_IO],
  Fail: ['ErrorPath', 'CausePath'],
  Parallel: [...JSONPATH_IO, 'ResultPath', 'Parameters', 'ResultSelector'],
  Map: [
    ...JSONPATH_IO,
    'ResultPath',
    'ItemsPath',
    'Parameters',
    'ResultSelector',
    'MaxConcurrencyPath',
    'ToleratedFailureCountPath',
    'ToleratedFailurePercentagePath',
  ],
} as const satisfies Record<StateType, readonly string[]>;

const jsonataOnly = {
  Pass: ['Output'],
  Task: ['Arguments', 'Output'],
  Choice: ['Output'],
  Wait: ['Output'],
  Succeed: ['Output'],
  Fail: [],
  Parallel: ['Arguments', 'Output'],
  Map: ['Items', 'Output'],
} as const satisfies Record<StateType, readonly string[]>;

/** Field lists as literal tuples, for type-level use. */
export type JsonPathOnlyFieldLists = typeof jsonPathOnly;
export type JsonataOnlyFieldLists = typeof jsonataOnly;

type FieldSets = { readonly [K in StateType]: ReadonlySet<string> };

const toSets = (lists: Record<StateType, readonly string[]>): FieldSets => {
  const sets: Partial<Record<StateType, ReadonlySet<string>>> = {};
  for (const type of STATE_TYPES) sets[type] = new Set(lists[type]);
  return sets as FieldSets;
};

/** Per state type, the fields valid only when the state uses JSONPath. */
export const JSONPATH_ONLY_FIELDS = toSets(jsonPathOnly);

/** Per state type, the fields valid only when the state uses JSONata. */
export const JSONATA_ONLY_FIELDS = toSets(jsonataOnly);

/** Fields of Catch entries, choice rules and Map sub-objects that belong to one language. */
export const JSONPATH_ONLY_NESTED_FIELDS = {
  Catcher: new Set(['ResultPath']),
  ChoiceRule: new Set(['Variable', 'And', 'Or', 'Not']),
  ItemReader: new Set(['Parameters']),
  ReaderConfig: new Set(['MaxItemsPath']),
  ItemBatcher: new Set(['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']),
  ResultWriter: new Set(['Parameters']),
} as const satisfies Record<string, ReadonlySet<string>>;

export const JSONATA_ONLY_NESTED_FIELDS = {
  Catcher: new Set(['Output']),
  ChoiceRule: new Set(['Condition', 'Output']),
  ItemReader: new Set(['Arguments']),
  ReaderConfig: new Set<string>(),
  ItemBatcher: new Set<string>(),
  ResultWriter: new Set(['Arguments']),
} as const satisfies Record<string, ReadonlySet<string>>;
