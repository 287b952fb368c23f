import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDir, ensureBuilt, runCli } from '../test-support/built-binary';
import { tempDir } from '../test-support/temp-dir';

// A look-alike: it has compile() and toJSON(), so only its type tells it is no workflow.
const source = `import { pass, workflow } from '@stepwise/builder';
import { z } from 'zod';

export const real = workflow({ input: z.object({}) }).start(pass('Echo'));
export const lookAlike = { compile: () => ({ StartAt: 'X', States: {} }), toJSON: () => '{}' };
`;

const project = tempDir({
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'ESNext',
      moduleResolution: 'bundler',
      customConditions: ['source'],
    },
    include: ['src'],
  }),
  'src/flows.ts': source,
  'loose/flows.ts': source,
});
symlinkSync(join(cliDir, 'node_modules'), join(project.path, 'node_modules'), 'dir');

beforeAll(ensureBuilt, 180_000);
afterAll(() => project.remove());

describe('workflow discovery in TypeScript modules', () => {
  it('finds workflows by type, as compile does, when the module belongs to the project', {
    timeout: 60_000,
  }, async () => {
    const run = await runCli(['validate', 'src/flows.ts', '--json'], { cwd: project.path });
    const report = JSON.parse(run.stdout) as { results: { workflow: string }[] };
    expect(report.results.map((result) => result.workflow)).toEqual(['real']);
    expect(run.code).toBe(0);
  });

  it('recognizes them by shape at run time when no tsconfig includes the module', {
    timeout: 60_000,
  }, async () => {
    const run = await runCli(['validate', 'loose/flows.ts', '--json'], { cwd: project.path });
    const report = JSON.parse(run.stdout) as { results: { workflow: string }[] };
    expect(report.results.map((result) => result.workflow)).toEqual(['lookAlike', 'real']);
    expect(run.code).toBe(1);
  });

  it('takes an export named with --export as it is, without loading the project', {
    timeout: 60_000,
  }, async () => {
    const run = await runCli(['graph', 'src/flows.ts', '--export', 'real', '--format', 'mermaid'], {
      cwd: project.path,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Echo');
  });
});
