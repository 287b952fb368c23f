import { readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { cliDir, repoRoot } from '../test-support/built-binary';
import { tempDir } from '../test-support/temp-dir';
import { importDefinition } from './import-definition';

const casesDir = resolve(repoRoot, '../shared/conformance/cases');
/**
 * Corpus definitions of every kind: intrinsics, JSONata, Map and Parallel,
 * variables, retries and catchers. Imported code whose selectors read the
 * output of an untyped state does not type-check yet (see docs/cli.md), so
 * these are ones whose reads the inferred input schema covers.
 */
const SAMPLE = [
  'intrinsics/array_2__0.json',
  'intrinsics/array_partition__20.json',
  'intrinsics/format_2__2.json',
  'intrinsics/math_add__19.json',
  'jsonata/array_partition__0.json',
  'jsonata/array_partition__6.json',
  'jsonata/base_jsonata_regular_expressions__BASE.json',
  'jsonata/base_output_any_non_dict__INT.json',
  'map/map_state_break_condition_legacy.json',
  'map/map_state_items_eval_jsonata_fail__null.json',
  'map/map_state_items_input_types__string.json',
  'map/map_state_parameters_legacy.json',
  'variables/assign_from_value__BASE_ASSIGN_FROM_INTRINSIC_FUNCTION.json',
  'variables/base_cases__BASE_PATHS.json',
  'variables/undefined_reference__BASE_UNDEFINED_ARGUMENTS.json',
  'wait/wait_seconds_jsonata.json',
  'wait/wait_timestamp_jsonata__INVALID_TIME.json',
  'lambda/invoke_string_payload.json',
  'lambda/lambda_task__invoke_json_values__0_0_v2.json',
  'errors/catch_empty.json',
  'errors/lambda_invoke_with_retry_extended_input.json',
  'parallel/parallel_state__PARALLEL_STATE.json',
  'parallel/parallel_state_fail.json',
  'context/error_cause_path.json',
  'express/base__BASE_PASS_RESULT.json',
  'fail/fail_cause_jsonata.json',
  'query_language/base_query_language_field__JSONATA.json',
  'scenarios/escape_sequence_parsing__ESCAPE_SEQUENCES_JSONATA_COMPARISON_ASSIGN.json',
  'pass_paths/base__json_path_array_wildcard_or_slice_with_no_input___items_1_v1.json',
  'pass_paths/base__json_path_array_wildcard_or_slice_with_no_input___item_items_1_v1.json',
];

const folder = tempDir();
// The generated modules import @stepwise/builder and zod, from this package's node_modules.
symlinkSync(join(cliDir, 'node_modules'), join(folder.path, 'node_modules'), 'dir');
afterAll(() => folder.remove());

describe('imported code', () => {
  it('type-checks under strict with the TypeScript compiler', { timeout: 120_000 }, async () => {
    const files: string[] = [];
    for (const [index, name] of SAMPLE.entries()) {
      const { definition } = JSON.parse(readFileSync(join(casesDir, name), 'utf8')) as {
        definition: unknown;
      };
      const { source } = await importDefinition(definition, 'imported');
      files.push(folder.write(`workflow${index}.ts`, source));
    }
    const program = ts.createProgram(files, {
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
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const file = diagnostic.file ? SAMPLE[files.indexOf(diagnostic.file.fileName)] : '';
      return `${file}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  });
});
