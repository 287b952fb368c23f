import type { Fields } from './state-code-context';

/** A field of the data that holds the same value as another: `[where it lands, where it was read]`. */
export type Alias = readonly [string, string];

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The fields a state copies into its output: a ResultSelector (or a Pass
 * state's Parameters) reads `"valid.$": "$.Payload.valid"` and ResultPath
 * places the result at `$.validation`, so `$.validation.valid` holds what
 * `$.Payload.valid` held. What the definition reads of either says the
 * type of both.
 */
export function resultAliases(state: Fields): Alias[] {
  const template = state.ResultSelector ?? (state.Type === 'Pass' ? state.Parameters : undefined);
  const target = state.ResultPath === undefined ? '$' : state.ResultPath;
  if (typeof target !== 'string' || typeof template !== 'object' || template === null) return [];
  return entries(template as Fields, target);
}

function entries(template: Fields, at: string): Alias[] {
  if (Array.isArray(template)) return [];
  return Object.entries(template).flatMap(([key, value]): Alias[] => {
    const name = key.endsWith('.$') ? key.slice(0, -2) : key;
    const path = `${at}${NAME.test(name) ? `.${name}` : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`}`;
    if (key.endsWith('.$')) return typeof value === 'string' && value.startsWith('$.') ? [[path, value]] : [];
    return typeof value === 'object' && value !== null ? entries(value as Fields, path) : [];
  });
}
