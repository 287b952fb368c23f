import { payloadCode } from './payload-code';
import { INPUT_NAMES, pathSelector, selectorFunction } from './selector-code';
import type { Entry, Fields, StateCodeContext } from './state-code-context';
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

/** Each entry is code, `undefined` (absent) or `false` (present but not expressible). */
export function call(
  helper: string,
  name: string,
  entries: ReadonlyArray<readonly [string, Entry]>,
  context: StateCodeContext,
) {
  if (entries.some(([, code]) => code === false)) return undefined;
  context.use(helper);
  const config = objectCode(entries as ReadonlyArray<readonly [string, string | undefined]>);
  return `${helper}(${tsString(name)}${config === '{}' ? '' : `, ${config}`})`;
}

export function pathEntry(value: unknown, names = INPUT_NAMES): Entry {
  if (value === undefined) return undefined;
  return pathSelector(value, names) ?? false;
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
