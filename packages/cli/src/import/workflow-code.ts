import { IdentifierNames } from './identifiers';
import { ImportUnsupportedError } from './import-errors';
import { type StateCodeContext, stateCode } from './state-code';
import { objectCode, tsString } from './ts-literal';

type Fields = Readonly<Record<string, unknown>>;

export interface GeneratedWorkflow {
  /** The module text, not yet formatted. */
  code: string;
  /** States written with `raw()` because the typed builder has no equivalent for their fields. */
  rawStates: string[];
}

const BUILDER_HELPERS = [
  'choice',
  'fail',
  'goto',
  'pass',
  'raw',
  'succeed',
  'task',
  'wait',
  'workflow',
  'and',
  'or',
  'not',
  'test',
];

/**
 * Generates a module exporting `exportName`, a builder workflow that compiles
 * to `definition`. States are declared as constants, dependencies first (a
 * Choice after the states its rules lead to); `Next` transitions are written
 * as `.next(...)` chains from StartAt, and a transition back to a state
 * already placed as `goto(...)`.
 */
export function generateWorkflowCode(definition: unknown, exportName: string): GeneratedWorkflow {
  const machine = asFields(definition);
  const states = asFields(machine.States);
  const known = new Set(['Comment', 'StartAt', 'States', 'QueryLanguage', 'TimeoutSeconds', 'Version']);
  const extra = Object.keys(machine).filter((key) => !known.has(key));
  if (extra.length > 0)
    throw new ImportUnsupportedError(`The builder has no option for the top-level field ${extra[0]}.`);
  if (typeof machine.StartAt !== 'string' || !(machine.StartAt in states)) {
    throw new ImportUnsupportedError('The definition has no valid StartAt.');
  }
  const language = machine.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const names = new IdentifierNames([
    ...BUILDER_HELPERS,
    exportName,
    'eq',
    'lt',
    'gt',
    'lte',
    'gte',
    'matches',
    'timestamp',
  ]);
  const helpers = new Set<string>(['workflow']);
  const declarations: string[] = [];
  const rawStates: string[] = [];
  const declared = new Set<string>();
  const declaring = new Set<string>();
  const visited = new Set<string>();

  const stateOf = (name: string): Fields => {
    if (!(name in states))
      throw new ImportUnsupportedError(`A transition names the missing state "${name}".`);
    return asFields(states[name]);
  };
  const context: StateCodeContext = {
    language,
    branch: (target) => chainFrom(target),
    use: (helper) => helpers.add(helper),
  };

  function declare(name: string): void {
    if (declared.has(name)) return;
    if (declaring.has(name)) throw loop(name);
    declaring.add(name);
    const { code, raw } = stateCode(name, stateOf(name), context);
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

  const start = chainFrom(machine.StartAt);
  const unreachable = Object.keys(states).filter((name) => !visited.has(name));
  if (unreachable.length > 0)
    throw new ImportUnsupportedError(
      `State "${unreachable[0]}" is unreachable; the builder only writes reachable states.`,
    );
  const options = objectCode([
    ['comment', typeof machine.Comment === 'string' ? tsString(machine.Comment) : undefined],
    ['input', 'z.unknown()'],
    [
      'queryLanguage',
      typeof machine.QueryLanguage === 'string' ? tsString(machine.QueryLanguage) : undefined,
    ],
    [
      'timeoutSeconds',
      typeof machine.TimeoutSeconds === 'number' ? String(machine.TimeoutSeconds) : undefined,
    ],
    ['version', typeof machine.Version === 'string' ? tsString(machine.Version) : undefined],
  ]);
  const body = [...declarations, start].join('\n');
  // Rules are first built with test(...) and may end up written as .when(...); import only what the code calls.
  const used = [...helpers].filter(
    (helper) => helper === 'workflow' || new RegExp(`(^|[^\\w.])${helper}[.(]`).test(body),
  );
  const imports = used.sort((a, b) => a.localeCompare(b)).join(', ');
  const code = [
    `import { ${imports} } from '@stepwise/builder';`,
    "import { z } from 'zod';",
    '',
    ...declarations,
    '',
    `export const ${exportName} = workflow(${options}).start(${start});`,
    '',
  ].join('\n');
  return { code, rawStates };
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
