import { childPointer } from './json-pointer';
import { has, isObject, type JsonObject, type JsonValue } from './json-tree';

export type QueryLanguage = 'JSONPath' | 'JSONata';

/** A state machine or a nested one (a Parallel branch, a Map item processor). */
export interface MachineScope {
  machine: JsonObject;
  pointer: string;
  /** The top-level machine's language: nested states inherit it, not their parent state's. */
  defaultLanguage: QueryLanguage;
  states: StateContext[];
}

export interface StateContext {
  name: string;
  state: JsonObject;
  pointer: string;
  language: QueryLanguage;
}

export function queryLanguageOf(value: JsonValue | undefined, fallback: QueryLanguage): QueryLanguage {
  return value === 'JSONata' || value === 'JSONPath' ? value : fallback;
}

/** Every machine in the definition, the top-level one first, with their states. */
export function collectMachines(root: JsonObject): MachineScope[] {
  const defaultLanguage = queryLanguageOf(root.QueryLanguage, 'JSONPath');
  const scopes: MachineScope[] = [];
  const pending: { machine: JsonObject; pointer: string }[] = [{ machine: root, pointer: '' }];
  while (pending.length > 0) {
    const { machine, pointer } = pending.shift()!;
    const states = statesOf(machine, pointer, defaultLanguage);
    scopes.push({ machine, pointer, defaultLanguage, states });
    for (const context of states) pending.push(...nestedMachines(context));
  }
  return scopes;
}

function statesOf(machine: JsonObject, pointer: string, defaultLanguage: QueryLanguage): StateContext[] {
  const states = machine.States;
  if (!isObject(states)) return [];
  const contexts: StateContext[] = [];
  for (const name of Object.keys(states)) {
    const state = states[name];
    if (!isObject(state)) continue;
    contexts.push({
      name,
      state,
      pointer: childPointer(pointer, 'States', name),
      language: queryLanguageOf(state.QueryLanguage, defaultLanguage),
    });
  }
  return contexts;
}

function nestedMachines({ state, pointer }: StateContext): { machine: JsonObject; pointer: string }[] {
  const nested: { machine: JsonObject; pointer: string }[] = [];
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    state.Branches.forEach((branch, index) => {
      if (isObject(branch))
        nested.push({ machine: branch, pointer: childPointer(pointer, 'Branches', index) });
    });
  }
  if (state.Type === 'Map') {
    for (const field of ['ItemProcessor', 'Iterator']) {
      const processor = state[field];
      if (has(state, field) && isObject(processor))
        nested.push({ machine: processor, pointer: childPointer(pointer, field) });
    }
  }
  return nested;
}

/** Names of the states of a machine's own `States` object, for transition lookups. */
export function stateNames(scope: MachineScope): Set<string> {
  return isObject(scope.machine.States) ? new Set(Object.keys(scope.machine.States)) : new Set();
}
