import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../test-support/built-binary';
import { orderDefinition as orderProcessing } from '../test-support/order-definition';
import { tempDir } from '../test-support/temp-dir';

const folder = tempDir({
  'order-processing.asl.json': JSON.stringify(orderProcessing, null, 2),
  'mapped.asl.json': JSON.stringify({
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  }),
  'delete.asl.json': JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
  'unreachable.asl.json': JSON.stringify({
    StartAt: 'Work',
    States: { Work: { Type: 'Pass', End: true }, Orphan: { Type: 'Pass', End: true } },
  }),
});

beforeAll(ensureBuilt, 180_000);
afterAll(() => folder.remove());

describe('stepwise import', () => {
  it('writes builder code named after the file, to --out', async () => {
    const run = await runCli(['import', 'order-processing.asl.json', '--out', 'order.ts'], {
      cwd: folder.path,
    });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const source = readFileSync(join(folder.path, 'order.ts'), 'utf8');
    expect(source).toContain('export const orderProcessing = workflow({');
    expect(source).toContain(".next(task('Validate Order', {");
  });

  it('names the states written with raw() on stderr', async () => {
    const run = await runCli(['import', 'mapped.asl.json', '--name', 'mapped'], { cwd: folder.path });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(".next(raw('Each', {");
    expect(run.stderr).toBe(
      'note written with raw(), the builder has no typed form for their fields: "Each"\n',
    );
  });

  it('refuses an invalid definition with exit code 1, showing its findings as validate does', async () => {
    const run = await runCli(['import', 'unreachable.asl.json'], { cwd: folder.path });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('unreachable.asl.json:1:');
    expect(run.stderr).toContain(
      'error UNREACHABLE_STATE: State "Orphan" is not reachable. at /States/Orphan',
    );
  });

  it('refuses, with the reason and exit code 1, what the builder cannot express', async () => {
    const run = await runCli(['import', 'delete.asl.json', '--name', 'workflow'], { cwd: folder.path });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('The module already uses the name workflow');
  });

  it('names the export after a file named like a reserved word without using the word itself', async () => {
    const run = await runCli(['import', 'delete.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('export const deleteWorkflow = workflow(');
    const refused = await runCli(['import', 'delete.asl.json', '--name', 'class'], { cwd: folder.path });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not a reserved word');
  });
});
