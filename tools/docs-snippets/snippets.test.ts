import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { extractSnippets, type Snippet } from './extract-snippets';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const generated = join(here, '.generated');

const markdownFiles = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name)),
];

function typeCheck(snippets: readonly Snippet[]): string[] {
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(generated, { recursive: true });
  const files = snippets.map((snippet, i) => {
    const file = join(generated, `snippet-${i}.ts`);
    // Each snippet is its own module, so top-level names do not collide.
    writeFileSync(file, `${snippet.code}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['source'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    resolveJsonModule: true,
    allowImportingTsExtensions: true,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const index = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1;
    const snippet = snippets[index];
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!snippet || !diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${relative(root, snippet.file)}:${snippet.line + line}: ${message}`;
  });
}

describe('the TypeScript snippets in the README and docs/', () => {
  afterAll(() => rmSync(generated, { recursive: true, force: true }));
  const snippets = markdownFiles.flatMap((file) => extractSnippets(file));

  it('exist', () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  it('all type-check against the workspace packages', () => {
    expect(typeCheck(snippets)).toEqual([]);
  }, 120_000);
});
