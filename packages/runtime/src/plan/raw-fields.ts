import type { QueryLanguage, RawState } from './compiled-state';

/** The state's query language: its own field, else the machine's. */
export function queryLanguageOf(raw: RawState, inherited: QueryLanguage): QueryLanguage {
  const own = raw.QueryLanguage;
  return own === 'JSONata' || own === 'JSONPath' ? own : inherited;
}

export function stringField(raw: RawState, name: string): string | undefined {
  const value = raw[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberField(raw: RawState, name: string): number | undefined {
  const value = raw[name];
  return typeof value === 'number' ? value : undefined;
}

/** A path field that may be explicitly null (InputPath, OutputPath, ResultPath). */
export function nullablePathField(raw: RawState, name: string): string | null | undefined {
  if (!(name in raw)) return undefined;
  const value = raw[name];
  return value === null ? null : typeof value === 'string' ? value : undefined;
}

/** `Next`, or undefined for an `End` state. */
export function nextOf(raw: RawState): string | undefined {
  return stringField(raw, 'Next');
}

export function has(raw: RawState, name: string): boolean {
  return Object.hasOwn(raw, name) && raw[name] !== undefined;
}

/**
 * Whether a JSONPath state may read the context object (`$$`) anywhere in its fields. States that
 * never do skip building `$$` on every entry; a `$$` inside a literal only costs the build.
 */
export function readsContext(raw: RawState): boolean {
  return JSON.stringify(raw).includes('$$');
}
