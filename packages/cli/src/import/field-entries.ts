import { pathToSelector } from './path-selector';
import { payloadCode, templateCode } from './payload-code';
import { INPUT_NAMES, selectorFunction } from './selector-code';
import type { Entry, Fields, LaterEntry, StateCodeContext } from './state-code-context';
import { objectCode, tsString } from './ts-literal';

export function onlyFields(state: Fields, allowed: readonly string[]): boolean {
  return Object.keys(state).every(
    (key) => key === 'Type' || key === 'Next' || key === 'End' || allowed.includes(key),
  );
}

export function optionalString(value: unknown): Entry {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? tsString(value) : false;
}

/**
 * Each entry is code, `undefined` (absent) or `false` (present but not
 * expressible); entries given as functions are generated last, in order,
 * once the others are known to be expressible.
 */
export function call(
  helper: string,
  name: string,
  entries: ReadonlyArray<readonly [string, LaterEntry]>,
  context: StateCodeContext,
) {
  if (entries.some(([, code]) => code === false)) return undefined;
  const generated: Array<readonly [string, string | undefined]> = [];
  for (const [key, entry] of entries) {
    const code = typeof entry === 'function' ? entry() : entry;
    if (code === false) return undefined;
    generated.push([key, code]);
  }
  context.use(helper);
  const config = objectCode([...generated, ...languageEntries(context)]);
  return `${helper}(${tsString(name)}${config === '{}' ? '' : `, ${config}`})`;
}

/**
 * The state's own `QueryLanguage`: `queryLanguage`, and `writeQueryLanguage`
 * where it equals the machine's (the builder leaves it out by default there).
 */
export function languageEntries(context: StateCodeContext): Array<readonly [string, string | undefined]> {
  if (context.declared === undefined) return [];
  return [
    ['queryLanguage', tsString(context.declared)],
    ['writeQueryLanguage', context.declared === context.language ? 'true' : undefined],
  ];
}

/**
 * A path field (InputPath, ItemsPath, SecondsPath...) as the path itself,
 * `'$.order.id'`: the builder checks it segment by segment, past fields that
 * may be absent, and writes it back the same.
 */
export function pathEntry(value: unknown): Entry {
  if (value === undefined) return undefined;
  return pathToSelector(value, INPUT_NAMES) === undefined ? false : tsString(value as string);
}

/** A payload template the builder takes as written (Parameters, ItemSelector, a Task's ResultSelector). */
export function templateEntry(value: unknown): Entry {
  if (value === undefined) return undefined;
  return templateCode(value) ?? false;
}

/** InputPath or OutputPath: a path, or `null` to pass on `{}`. */
export function dataPathEntry(value: unknown): Entry {
  return value === null ? 'null' : pathEntry(value);
}

export function payloadEntry(value: unknown, names = INPUT_NAMES): Entry {
  if (value === undefined) return undefined;
  const body = payloadCode(value, names);
  return body === undefined ? false : selectorFunction(body, names);
}

export function resultPathEntry(value: unknown): Entry {
  if (value === undefined) return undefined;
  return value === null ? 'null' : typeof value === 'string' ? tsString(value) : false;
}

export function numberEntry(value: unknown): Entry {
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : false;
}
