import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as zod from 'zod';
import { ensureBuilt, repoRoot } from '../test-support/built-binary';
import { orderDefinition as orderProcessing } from '../test-support/order-definition';
import { fulfilmentDefinition } from './fulfilment.fixture';
import { importDefinition } from './import-definition';
import { ImportInvalidDefinitionError, ImportUnsupportedError } from './import-errors';

const lambdaTask = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'f' },
  End: true,
};
const casesDir = resolve(repoRoot, '../shared/conformance/cases');
let builder: unknown;

// The builder is loaded as users load it, from its build; the specifier is a variable so that it resolves at run time.
beforeAll(async () => {
  await ensureBuilt();
  const specifier = '@stepwise/builder';
  builder = await import(/* @vite-ignore */ specifier);
}, 180_000);
/**
 * Imports a definition and compiles the generated module: its types are
 * stripped, its two imports and its export bound to the real builder and zod.
 */
async function roundTrip(definition: unknown): Promise<unknown> {
  const { source } = await importDefinition(definition, 'imported');
  const body = source
    .replace(/^import \{([^}]*)\} from '@stepwise\/builder';$/m, 'const {$1} = builder;')
    .replace(/^import \{ z \} from 'zod';$/m, 'const { z } = zod;')
    .replace(/^export const imported = /m, 'return ');
  const script = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const run = new Function('builder', 'zod', script) as (b: unknown, z: unknown) => { compile(): unknown };
  return run(builder, zod).compile();
}

describe('importDefinition', () => {
  it('writes the order workflow as readable, typed builder code, each state where the chain reaches it', async () => {
    const { source, rawStates } = await importDefinition(orderProcessing, 'orderProcessing');
    expect(rawStates).toEqual([]);
    expect(source).toContain("import { choice, eq, task, workflow } from '@stepwise/builder';");
    expect(source).toContain('export const orderProcessing = workflow({');
    expect(source).toContain('}).define((start) => start\n');
    expect(source).toContain(".next(choice('Check Inventory', (c) => c\n");
    expect(source).toContain(".when('$.inStock', eq(true), (b) => b\n");
    // The validation result is read by the Choice, so it is given the type of what the definition reads.
    expect(source).toContain('type Data = z.output<typeof Input>;');
    expect(source).toContain('result: z.custom<Data>(),');
    expect(await roundTrip(orderProcessing)).toEqual(orderProcessing);
  });

  it('types the task results later states read, and gives the definition back', async () => {
    const { source, rawStates } = await importDefinition(fulfilmentDefinition, 'fulfilment');
    expect(rawStates).toEqual([]);
    expect(source).toContain('result: z.custom<Data>(),');
    expect(source).toContain('result: z.custom<NonNullable<Data["charge"]>>(),');
    expect(await roundTrip(fulfilmentDefinition)).toEqual(fulfilmentDefinition);
  });

  it('keeps a __proto__ key of a Result as data', async () => {
    const definition = JSON.parse(
      '{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"__proto__":{"x":1},"y":2},"End":true}}}',
    );
    expect(JSON.stringify(await roundTrip(definition))).toBe(JSON.stringify(definition));
  });

  it.each([
    [
      'a transition to a missing state named like an Object method',
      { Type: 'Pass', Next: 'toString' },
      '/States/P/Next',
    ],
    ['a state type named like an Object method', { Type: 'constructor', End: true }, '/States/P/Type'],
    ['a retrier that is not an object', { ...lambdaTask, Retry: [null] }, '/States/P/Retry/0'],
    [
      'a retrier field named like an Object method',
      { ...lambdaTask, Retry: [{ ErrorEquals: ['States.ALL'], toString: 1 }] },
      '/States/P/Retry/0/toString',
    ],
  ])(
    'refuses an invalid definition, %s, with its errors and before writing code',
    async (_, state, location) => {
      const importing = importDefinition({ StartAt: 'P', States: { P: state } }, 'imported');
      await expect(importing).rejects.toThrow(ImportInvalidDefinitionError);
      const error = (await importing.catch((e: unknown) => e)) as ImportInvalidDefinitionError;
      expect(error.code).toBe('IMPORT_INVALID_DEFINITION');
      expect(error.message).toMatch(/^The definition is not valid ASL\. At \/States\/P/);
      expect(error.diagnostics).toContainEqual(expect.objectContaining({ severity: 'ERROR', location }));
    },
  );

  it('refuses a chain too long to write as one expression with a typed error', async () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++)
      states[`P${i}`] = { Type: 'Pass', ...(i < 2999 ? { Next: `P${i + 1}` } : { End: true }) };
    const importing = importDefinition({ StartAt: 'P0', States: states }, 'long');
    await expect(importing).rejects.toThrow(ImportUnsupportedError);
    await expect(importDefinition({ StartAt: 'P0', States: states }, 'long')).rejects.toThrow(
      /too many states in a row/,
    );
  });

  it('writes a loop back into a Choice as a goto by name', async () => {
    const loop = {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.more', BooleanEquals: true, Next: 'Work' }],
          Default: 'Done',
        },
        Work: { Type: 'Pass', Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    };
    const { source } = await importDefinition(loop, 'loop');
    expect(source).toContain("goto('Check')");
    expect(await roundTrip(loop)).toEqual(loop);
  });

  it('gives back every corpus definition it imports, deep-equal after compiling', {
    timeout: 240_000,
  }, async () => {
    const files = readdirSync(casesDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.json'),
    );
    const refused = new Map<string, number>();
    const different: string[] = [];
    let identical = 0;
    for (const file of files.sort()) {
      const { definition } = JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as {
        definition: unknown;
      };
      try {
        const compiled = await roundTrip(definition);
        if (JSON.stringify(sortKeys(compiled)) === JSON.stringify(sortKeys(definition))) identical++;
        else different.push(file);
      } catch (error) {
        if (!(error instanceof ImportUnsupportedError))
          throw new Error(`${file}: ${String(error)}`, { cause: error });
        const reason = error.message.replace(/"[^"]*"/g, '"…"').replace(/\(\w+\)/, '(…)');
        refused.set(reason, (refused.get(reason) ?? 0) + 1);
      }
    }
    const reasons = [...refused]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, count]) => `  ${count} × ${reason}`);
    console.info(
      `import round trip: ${identical} of ${files.length} corpus definitions identical; refused:\n${reasons.join('\n')}`,
    );
    expect(different).toEqual([]);
    // Every one of the 731, since the builder writes back rule comments, verbatim JSONata
    // conditions, intrinsic ErrorPaths, raw catchers and repeated QueryLanguage fields.
    expect(identical).toBeGreaterThanOrEqual(731);
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
