import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkflow } from '../../bench/generate-workflow';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workDir = join(packageDir, '.typecheck-tmp');

/** The compiler options the repository uses, so the check matches what users get. */
function compilerOptions(): ts.CompilerOptions {
  const configPath = join(packageDir, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('cannot read tsconfig.json');
  return { ...config.options, noEmit: true };
}

function check(file: string) {
  const program = ts.createProgram([file], compilerOptions());
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file);
  return {
    program,
    diagnostics: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  };
}

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('a 200-state workflow', () => {
  it('type-checks without diagnostics and keeps the concrete data type to the end', () => {
    mkdirSync(workDir, { recursive: true });
    const file = join(workDir, 'long-200.ts');
    const builderImport = relative(workDir, join(packageDir, 'src/index')).replace(/\\/g, '/');
    const { builder } = generateWorkflow(200, builderImport, '@stepwise/asl');
    writeFileSync(
      file,
      `${builder}
declare const final: Final;
export const exact: { id: string; count: number; delay: number; s7: { value: number; label: string } } = final;
// @ts-expect-error the final data has no field \`missing\`
export const wrong: { missing: string } = final;
export const label: string = final.s3.label;
`,
    );
    const { program, diagnostics } = check(file);
    expect(diagnostics).toEqual([]);

    const source = program.getSourceFile(file)!;
    const checker = program.getTypeChecker();
    const alias = source.statements.find(
      (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'Final',
    )!;
    const final = checker.getTypeAtLocation(alias.name);
    expect(final.flags & ts.TypeFlags.Any).toBe(0);
    const keys = checker
      .getPropertiesOfType(final)
      .map((p) => p.name)
      .sort();
    expect(keys).toEqual(['count', 'delay', 'id', 's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
  }, 120_000);
});
