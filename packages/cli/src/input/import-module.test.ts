import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { importModule } from './import-module';

const definition = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const source = `export const named = ${JSON.stringify(definition)};\nexport default ${JSON.stringify(definition)};\n`;

// A package.json without "type": "module" makes its TypeScript files CommonJS.
const commonJs = tempDir({ 'package.json': '{ "name": "old-style" }', 'order.ts': source });
const esm = tempDir({ 'package.json': '{ "name": "new-style", "type": "module" }', 'order.ts': source });
afterAll(() => {
  commonJs.remove();
  esm.remove();
});

describe('importing a workflow module', () => {
  it.each([
    ['a CommonJS project', commonJs],
    ['an ES module project', esm],
  ])('gives its default and named exports as written, in %s', async (_label, folder) => {
    const { exports } = await importModule(join(folder.path, 'order.ts'), 'order.ts');
    expect(exports.default).toEqual(definition);
    expect(exports.named).toEqual(definition);
  });
});

describe('a module that cannot be loaded', () => {
  const broken = tempDir({ 'package.json': '{ "type": "module" }', 'broken.ts': 'export const = {;\n' });
  afterAll(() => broken.remove());

  it('is reported with the place and reason the compiler gave', async () => {
    const loading = importModule(join(broken.path, 'broken.ts'), 'broken.ts');
    await expect(loading).rejects.toThrow(
      /^Cannot load broken\.ts: Transform failed with 1 error: .*broken\.ts:1:\d+: ERROR: /,
    );
  });
});
