import { pathToSelector, type SelectorNames } from './path-selector';

/** The names the generated selectors use: `(s, ctx, v) => ...`, or `r` for a task's result. */
export const INPUT_NAMES: SelectorNames = { data: 's', context: 'ctx', vars: 'v' };
export const RESULT_NAMES: SelectorNames = { data: 'r', context: 'ctx', vars: 'v' };

/** An arrow function over the parameters the body uses, e.g. `(s) => s.a` or `(s, ctx) => ctx.Execution.Id`. */
export function selectorFunction(body: string, names: SelectorNames): string {
  const usesVars = new RegExp(`(^|[^\\w."'])${names.vars}\\.`).test(body);
  const usesContext = usesVars || new RegExp(`(^|[^\\w."'])${names.context}\\b`).test(body);
  const parameters = [names.data, ...(usesContext ? [names.context] : []), ...(usesVars ? [names.vars] : [])];
  const wrapped = body.startsWith('{') ? `(${body})` : body;
  return `(${parameters.join(', ')}) => ${wrapped}`;
}

/** A path field (InputPath, OutputPath, SecondsPath...) as a selector, or `undefined` when it is not a plain reference. */
export function pathSelector(path: unknown, names: SelectorNames = INPUT_NAMES): string | undefined {
  const body = pathToSelector(path, names);
  return body === undefined ? undefined : selectorFunction(body, names);
}
