import type { IdentifierNames } from './identifiers';
import { ImportUnsupportedError } from './import-errors';
import { stateCode } from './state-code';
import type { Fields, StateCodeContext } from './state-code-context';

/** What every scope of one generated module shares. */
export interface ModuleParts {
  context: StateCodeContext;
  names: IdentifierNames;
  /** The `const` declarations, in the order they must appear. */
  declarations: string[];
  rawStates: string[];
  helpers: Set<string>;
}

/**
 * The chain of one scope (the machine, a Parallel branch, a Map processor),
 * declaring its states on the way; branch targets and `goto` stay inside it.
 */
export function scopeChain(scope: Fields, module: ModuleParts): string {
  const { context, names, declarations, rawStates, helpers } = module;
  const states = asFields(scope.States);
  if (typeof scope.StartAt !== 'string' || !(scope.StartAt in states)) {
    throw new ImportUnsupportedError('A scope has no valid StartAt.');
  }
  const declared = new Set<string>();
  const declaring = new Set<string>();
  const visited = new Set<string>();
  const stateOf = (name: string): Fields => {
    if (!(name in states))
      throw new ImportUnsupportedError(`A transition names the missing state "${name}".`);
    return asFields(states[name]);
  };
  const local: StateCodeContext = { ...context, branch: (target) => chainFrom(target) };

  function declare(name: string): void {
    if (declared.has(name)) return;
    if (declaring.has(name)) throw loop(name);
    declaring.add(name);
    const { code, raw } = stateCode(name, stateOf(name), local);
    if (raw) rawStates.push(name);
    declarations.push(`const ${names.of(name)} = ${code};`);
    declaring.delete(name);
    declared.add(name);
  }

  function chainFrom(name: string): string {
    if (visited.has(name)) {
      if (!declared.has(name)) throw loop(name);
      helpers.add('goto');
      return `goto(${names.of(name)})`;
    }
    visited.add(name);
    declare(name);
    const next = stateOf(name).Next;
    return typeof next === 'string' ? `${names.of(name)}.next(${chainFrom(next)})` : names.of(name);
  }

  const start = chainFrom(scope.StartAt);
  const unreachable = Object.keys(states).filter((name) => !visited.has(name));
  if (unreachable.length > 0)
    throw new ImportUnsupportedError(
      `State "${unreachable[0]}" is unreachable; the builder only writes reachable states.`,
    );
  return start;
}

function loop(name: string): ImportUnsupportedError {
  return new ImportUnsupportedError(
    `State "${name}" is reached again from one of its own branches (a loop through a Choice or Catch); ` +
      'the builder needs the state declared before its branches.',
  );
}

function asFields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}
