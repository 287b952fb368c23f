import type { SelectorNames } from './path-selector';

/** The names the generated selectors use: `(s, ctx, v) => ...`, or `r` for a task's result. */
export const INPUT_NAMES: SelectorNames = { data: 's', context: 'ctx', vars: 'v' };
export const RESULT_NAMES: SelectorNames = { data: 'r', context: 'ctx', vars: 'v' };

/**
 * An arrow function over the parameters the body uses, e.g. `(s) => s.a`,
 * `(_s, ctx) => ctx.Execution.Id` or `() => ({ fixed: 1 })`.
 */
export function selectorFunction(body: string, names: SelectorNames): string {
  const order = [names.data, names.context, names.vars];
  const used = order.map((name) => new RegExp(`(^|[^\\w."'])${name}\\b(?!['"])`).test(body));
  const count = used.lastIndexOf(true) + 1;
  const parameters = order.slice(0, count).map((name, index) => (used[index] ? name : `_${name}`));
  const wrapped = body.startsWith('{') ? `(${body})` : body;
  return `(${parameters.join(', ')}) => ${wrapped}`;
}
