import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../test-support/built-binary';
import { tempDir } from '../test-support/temp-dir';

const folder = tempDir({
  'good.asl.json': JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, null, 2),
  'bad.asl.json': [
    '{',
    '  "StartAt": "A",',
    '  "States": {',
    '    "A": { "Type": "Pass", "Next": "B" },',
    '    "C": { "Type": "Succeed" }',
    '  }',
    '}',
  ].join('\n'),
  'broken.asl.json': '{\n  "StartAt": "A",,\n}',
  'workflows.ts': [
    "const pass = { Type: 'Pass', End: true } as const;",
    "export const first = { StartAt: 'P', States: { P: pass } };",
    "export const second = { StartAt: 'Missing', States: { P: pass } };",
    'export const notAWorkflow = 42;',
  ].join('\n'),
});

beforeAll(ensureBuilt, 180_000);
afterAll(() => folder.remove());

describe('stepwise validate', () => {
  it('exits 0 and says so when every definition is valid', async () => {
    const run = await runCli(['validate', 'good.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✓ No problems in 1 file.\n');
  });

  it('reports each finding at file:line:column with a code frame, and exits 1', async () => {
    const run = await runCli(['validate', 'bad.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "bad.asl.json:4:28 - error MISSING_TRANSITION_TARGET: Missing 'Next' target: B",
    );
    expect(run.stdout).toContain(
      ['> 4 |     "A": { "Type": "Pass", "Next": "B" },', '    |                            ^'].join('\n'),
    );
    expect(run.stdout).toContain('bad.asl.json:5:5 - error UNREACHABLE_STATE');
    expect(run.stdout).toContain('Found 2 errors in 1 file.');
  });

  it('reports a JSON syntax error where it is', async () => {
    const run = await runCli(['validate', 'broken.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('broken.asl.json:2:18 - error JSON_SYNTAX_ERROR: Expected a property name');
    expect(run.stdout).toContain('> 2 |   "StartAt": "A",,');
  });

  it('prints machine-readable results with --json', async () => {
    const run = await runCli(['validate', '--json', 'good.asl.json', 'bad.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.results[0]).toEqual({ file: 'good.asl.json', ok: true, diagnostics: [] });
    expect(report.results[1].diagnostics[0]).toEqual({
      file: 'bad.asl.json',
      severity: 'ERROR',
      code: 'MISSING_TRANSITION_TARGET',
      message: "Missing 'Next' target: B",
      location: '/States/A/Next',
      line: 4,
      column: 28,
    });
  });

  it('validates every workflow a TypeScript module exports', async () => {
    const run = await runCli(['validate', '--json', 'workflows.ts'], { cwd: folder.path });
    expect(run.code).toBe(1);
    const { results } = JSON.parse(run.stdout);
    expect(results.map((r: { workflow: string; ok: boolean }) => [r.workflow, r.ok])).toEqual([
      ['first', true],
      ['second', false],
    ]);
  });

  it('exits 2 when a file does not exist', async () => {
    const run = await runCli(['validate', 'nowhere.asl.json'], { cwd: folder.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error Cannot read nowhere.asl.json: no such file.\n');
  });
});
