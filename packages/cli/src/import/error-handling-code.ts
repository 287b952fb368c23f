import { optionalString, payloadEntry, resultPathEntry } from './field-entries';
import { jsonataFieldEntry } from './jsonata-code';
import type { SelectorNames } from './path-selector';
import type { Entry, Fields, LaterEntry, StateCodeContext } from './state-code-context';
import { objectCode, tsLiteral } from './ts-literal';

// A map: a retrier's field names come from the definition and may be `toString`.
const RETRY_FIELDS = new Map([
  ['ErrorEquals', 'errors'],
  ['Comment', 'comment'],
  ['IntervalSeconds', 'intervalSeconds'],
  ['MaxAttempts', 'maxAttempts'],
  ['BackoffRate', 'backoffRate'],
  ['MaxDelaySeconds', 'maxDelaySeconds'],
  ['JitterStrategy', 'jitterStrategy'],
]);
/** A catcher's `Assign` reads the error output. */
const ERROR_NAMES: SelectorNames = { data: 'error', context: 'ctx', vars: 'v' };

export function retryEntry(retry: unknown): Entry {
  if (retry === undefined) return undefined;
  // The builder leaves out an empty Retry; raw() keeps it.
  if (!Array.isArray(retry) || retry.length === 0) return false;
  const retriers = retry.map((retrier: Fields) => {
    if (!isErrorList(retrier.ErrorEquals) || !Object.keys(retrier).every((key) => RETRY_FIELDS.has(key)))
      return undefined;
    return objectCode(
      Object.entries(retrier).map(([key, value]) => [RETRY_FIELDS.get(key)!, tsLiteral(value)] as const),
    );
  });
  return retriers.every((code) => code !== undefined) ? `[${retriers.join(', ')}]` : false;
}

/**
 * `catch: (on) => [on({ errors, resultPath }, handler)]`, the handlers being
 * the chains that start at each catcher's `Next`. The catcher's fields are
 * those of the state's language: `ResultPath` in JSONPath, `Output` in JSONata.
 */
export function catchEntry(
  catchers: unknown,
  context: StateCodeContext,
  language: 'JSONPath' | 'JSONata',
): LaterEntry {
  if (catchers === undefined) return undefined;
  if (!Array.isArray(catchers) || catchers.length === 0) return false;
  const specs = catchers.map((catcher: Fields) => catcherSpec(catcher, context, language));
  if (specs.some((spec) => spec === undefined)) return false;
  // The handlers place states, so they are generated last (see `LaterEntry`).
  return () => {
    const handlers = catchers.map(
      (catcher: Fields, index) => `on(${specs[index]}, ${context.branch(catcher.Next as string)})`,
    );
    return `(on) => [${handlers.join(', ')}]`;
  };
}

function catcherSpec(
  catcher: Fields,
  context: StateCodeContext,
  language: 'JSONPath' | 'JSONata',
): string | undefined {
  const own = language === 'JSONPath' ? ['ResultPath', 'Assign'] : ['Output', 'Assign'];
  if (
    !isErrorList(catcher.ErrorEquals) ||
    typeof catcher.Next !== 'string' ||
    !Object.keys(catcher).every((key) => ['ErrorEquals', 'Comment', 'Next', ...own].includes(key))
  )
    return undefined;
  const entries: Array<readonly [string, Entry]> = [
    ['errors', tsLiteral(catcher.ErrorEquals)],
    ['comment', optionalString(catcher.Comment)],
    ['resultPath', resultPathEntry(catcher.ResultPath)],
    ['output', jsonataFieldEntry(catcher.Output, context.use)],
    [
      'assign',
      language === 'JSONPath'
        ? payloadEntry(catcher.Assign, ERROR_NAMES)
        : jsonataFieldEntry(catcher.Assign, context.use),
    ],
  ];
  if (entries.some(([, entry]) => entry === false)) return undefined;
  return objectCode(entries as Array<readonly [string, string | undefined]>);
}

function isErrorList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
}
