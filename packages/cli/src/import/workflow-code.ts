import { IdentifierNames } from './identifiers';
import { ImportUnsupportedError } from './import-errors';
import { inputSchemaCode } from './input-schema';
import { scopeChain } from './scope-chain';
import type { StateCodeContext } from './state-code';
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
  'map',
  'parallel',
  'jsonata',
  'jsonataValue',
  'numeric',
  'text',
  'bool',
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
  const known = new Set(['Comment', 'StartAt', 'States', 'QueryLanguage', 'TimeoutSeconds', 'Version']);
  const extra = Object.keys(machine).filter((key) => !known.has(key));
  if (extra.length > 0)
    throw new ImportUnsupportedError(`The builder has no option for the top-level field ${extra[0]}.`);
  const language = machine.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const names = new IdentifierNames([
    ...BUILDER_HELPERS,
    exportName,
    'Input',
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
  const context: StateCodeContext = {
    language,
    branch: () => '',
    scope: (scope) => scopeChain(scope, { context, names, declarations, rawStates, helpers }),
    use: (helper) => helpers.add(helper),
  };

  const start = context.scope(machine);
  const options = objectCode([
    ['comment', typeof machine.Comment === 'string' ? tsString(machine.Comment) : undefined],
    ['input', 'Input'],
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
    '/** The fields the definition reads; an ASL file says nothing more about its data. */',
    `const Input = ${inputSchemaCode(definition)};`,
    '',
    ...declarations,
    '',
    `export const ${exportName} = workflow(${options}).start(${start});`,
    '',
  ].join('\n');
  return { code, rawStates };
}

function asFields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}
