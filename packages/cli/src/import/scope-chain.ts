import { readsAfter } from './data-reads';
import { ImportUnsupportedError } from './import-errors';
import { stateCode } from './state-code';
import type { Fields, StateCodeContext } from './state-code-context';
import { tsString } from './ts-literal';

/** What every scope of one generated module shares. */
export interface ModuleParts {
  context: StateCodeContext;
  rawStates: string[];
  helpers: Set<string>;
}

/**
 * The chain of one scope (the machine, a Parallel branch, a Map processor)
 * as the calls that follow its empty start: `.next(a).next(b)`. Each state
 * is written where the chain first reaches it, inside the call that places
 * it, so the compiler gives its selectors the type of the data reaching it;
 * a transition to a state already placed is `goto('Name')`. Branch targets
 * (Choice rules, Catch handlers) are functions of their own empty start:
 * `(b) => b.next(...)`.
 */
export function scopeChain(scope: Fields, module: ModuleParts): string {
  const { context, rawStates, helpers } = module;
  const states = asFields(scope.States);
  if (typeof scope.StartAt !== 'string' || !Object.hasOwn(states, scope.StartAt)) {
    throw new ImportUnsupportedError('A scope has no valid StartAt.');
  }
  const placed = new Set<string>();
  const stateOf = (name: string): Fields => {
    if (!Object.hasOwn(states, name))
      throw new ImportUnsupportedError(`A transition names the missing state "${name}".`);
    return asFields(states[name]);
  };
  const goto = (name: string): string => {
    helpers.add('goto');
    return `goto(${tsString(name)})`;
  };
  const local: StateCodeContext = {
    ...context,
    branch: (target) => (placed.has(target) ? goto(target) : `(b) => b${chainFrom(target)}`),
  };

  function chainFrom(name: string): string {
    let code = '';
    for (let current: string | undefined = name; current !== undefined; ) {
      if (placed.has(current)) return `${code}\n.next(${goto(current)})`;
      placed.add(current);
      const state = stateOf(current);
      const { code: written, raw } = stateCode(current, state, {
        ...local,
        readsAfter: readsAfter(states as Record<string, Fields>, current),
      });
      if (raw) rawStates.push(current);
      code += `\n.next(${written})`;
      current = typeof state.Next === 'string' ? state.Next : undefined;
    }
    return code;
  }

  const chain = chainFrom(scope.StartAt);
  const unreachable = Object.keys(states).filter((name) => !placed.has(name));
  if (unreachable.length > 0)
    throw new ImportUnsupportedError(
      `State "${unreachable[0]}" is unreachable; the builder only writes reachable states.`,
    );
  return chain;
}

function asFields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}
