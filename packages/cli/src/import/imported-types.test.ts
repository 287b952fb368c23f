import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { cliDir, repoRoot } from '../test-support/built-binary';
import { tempDir } from '../test-support/temp-dir';
import { fulfilmentDefinition } from './fulfilment.fixture';
import { importDefinition } from './import-definition';

const casesDir = resolve(repoRoot, '../shared/conformance/cases');

/**
 * The corpus definitions whose imported code does not type-check, and why:
 * the first four read what cannot be there or compare what may not be
 * numbers, so the compiler is right; the last two meet what the inferred
 * schema cannot say (an execution input that is an array, the type of
 * intrinsic arguments).
 */
const EXPECTED_FAILURES: Readonly<Record<string, string>> = {
  'scenarios/invalid_jsonpath__INVALID_JSONPATH_IN_ERRORPATH.json':
    'ErrorPath reads a field the error output does not have',
  'scenarios/invalid_jsonpath__ST_INVALID_JSONPATH_IN_CAUSEPATH.json':
    'CausePath reads a field the error output does not have',
  'scenarios/invalid_jsonpath__INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH.json':
    'reads a field of $$.Execution.Input that is not there (the context object types the input unknown)',
  'map/map_state_break_condition.json': 'a numeric comparison on items that may be strings',
  'map/map_state_nested.json':
    'a Map over the execution input itself, which the inferred schema types as an object',
  'fail/state_fail_intrinsic.json':
    'States.Format arguments read from fields whose type the definition does not say',
};

const folder = tempDir();
// The generated modules import @stepwise/builder and zod, from this package's node_modules.
symlinkSync(join(cliDir, 'node_modules'), join(folder.path, 'node_modules'), 'dir');
afterAll(() => folder.remove());

describe('imported code', () => {
  it('type-checks under strict for every corpus definition but the known few, and for task results read later', {
    timeout: 240_000,
  }, async () => {
    const names = readdirSync(casesDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.json'))
      .sort();
    const files = new Map<string, string>();
    // Beside the corpus, a definition whose states read the results of the tasks before them.
    const fulfilment = await importDefinition(fulfilmentDefinition, 'fulfilment');
    files.set(folder.write('fulfilment.ts', fulfilment.source), 'fulfilment.fixture');
    for (const [index, name] of names.entries()) {
      const { definition } = JSON.parse(readFileSync(join(casesDir, name), 'utf8')) as {
        definition: unknown;
      };
      const { source } = await importDefinition(definition, 'imported');
      files.set(folder.write(`workflow${index}.ts`, source), name);
    }
    // One program for all modules: the builder's types are checked once, so this takes seconds, not minutes.
    const program = ts.createProgram([...files.keys()], {
      strict: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions: ['source'],
      skipLibCheck: true,
      noEmit: true,
      // The builder's sources (the 'source' condition) use Node's modules.
      typeRoots: [join(repoRoot, 'node_modules/@types')],
      types: ['node'],
    });
    const failing = new Map<string, string[]>();
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const name = diagnostic.file ? (files.get(diagnostic.file.fileName) ?? diagnostic.file.fileName) : '';
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0]!;
      failing.set(name, [...(failing.get(name) ?? []), message]);
    }
    expect(failing.get('fulfilment.fixture')).toBeUndefined();
    const checked = names.length - failing.size;
    console.info(
      `imported code: ${checked} of ${names.length} corpus modules type-check under strict; failing:\n` +
        [...failing].map(([name, messages]) => `  ${name}: ${messages[0]}`).join('\n'),
    );
    expect([...failing.keys()].filter((name) => !(name in EXPECTED_FAILURES))).toEqual([]);
    // 725 of 731 when this test was written.
    expect(checked).toBeGreaterThanOrEqual(725);
  });
});
