import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guide = resolve(packageDir, '../../docs/builder.md');
const workDir = join(packageDir, '.docs-tmp');

/** The ```ts blocks of the guide, in order. */
function snippets(): string[] {
  return [...readFileSync(guide, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('docs/builder.md', () => {
  it('has snippets, each of which type-checks against the package', () => {
    const blocks = snippets();
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    mkdirSync(workDir, { recursive: true });
    const files = blocks.map((code, i) => {
      const file = join(workDir, `snippet-${i}.ts`);
      writeFileSync(file, code);
      return file;
    });
    const config = ts.getParsedCommandLineOfConfigFile(
      join(packageDir, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    );
    const options: ts.CompilerOptions = {
      ...config?.options,
      noEmit: true,
      noUnusedLocals: false,
      paths: { '@stepwise/builder': [join(packageDir, 'src/index.ts')] },
    };
    const program = ts.createProgram(files, options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map(
        (d) =>
          `${d.file?.fileName.split('/').pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    expect(problems).toEqual([]);
  }, 120_000);
});
