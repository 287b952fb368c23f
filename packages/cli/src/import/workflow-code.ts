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

/**
 * Generates a module exporting `exportName`, a builder workflow that compiles
 * to `definition`: `workflow({...}).define((start) => start.next(...))`, the
 * states written inline where the chain reaches them (see `scopeChain`), so
 * that each selector is typed by the data that reaches its state.
 */
export function generateWorkflowCode(definition: unknown, exportName: string): GeneratedWorkflow {
  const machine = asFields(definition);
  const known = new Set(['Comment', 'StartAt', 'States', 'QueryLanguage', 'TimeoutSeconds', 'Version']);
  const extra = Object.keys(machine).filter((key) => !known.has(key));
  if (extra.length > 0)
    throw new ImportUnsupportedError(`The builder has no option for the top-level field ${extra[0]}.`);
  const language = machine.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const helpers = new Set<string>(['workflow']);
  const rawStates: string[] = [];
  const context: StateCodeContext = {
    language,
    branch: () => '',
    scope: (scope) => scopeChain(scope, { context, rawStates, helpers }),
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
  // Rules are first built with test(...) and may end up written as .when(...); import only what the code calls.
  const used = [...helpers].filter(
    (helper) =>
      helper === 'workflow' || (helper !== 'Data' && new RegExp(`(^|[^\\w.])${helper}[.(<]`).test(start)),
  );
  if ([...used, 'z', 'Input', 'Data'].includes(exportName))
    throw new ImportUnsupportedError(
      `The module already uses the name ${exportName}; give the workflow another name (--name).`,
    );
  const imports = used.sort((a, b) => a.localeCompare(b)).join(', ');
  const code = [
    `import { ${imports} } from '@stepwise/builder';`,
    "import { z } from 'zod';",
    '',
    '/** The fields the definition reads; an ASL file says nothing more about its data. */',
    `const Input = ${inputSchemaCode(definition)};`,
    ...(helpers.has('Data')
      ? [
          '',
          '/** Data only known at run time (task results, raw states), assumed to have those fields; not checked. */',
          'type Data = z.output<typeof Input>;',
        ]
      : []),
    '',
    `export const ${exportName} = workflow(${options}).define((start) => start${start});`,
    '',
  ].join('\n');
  return { code, rawStates };
}

function asFields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}
