import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json';
import { binPath, ensureBuilt, repoRoot, runCli } from './test-support/built-binary';
import { tempDir } from './test-support/temp-dir';

beforeAll(ensureBuilt, 180_000);

describe('the built stepwise binary', () => {
  it('prints its version and exits 0', async () => {
    const run = await runCli(['--version'], { cwd: process.cwd() });
    expect(run).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('answers --help on every command', async () => {
    for (const command of ['validate', 'graph', 'run', 'import', 'compile']) {
      const run = await runCli([command, '--help'], { cwd: process.cwd() });
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toContain(`Usage: stepwise ${command}`);
    }
  });

  it('exits 2 with a one-line message and no stack trace on a usage error', async () => {
    const run = await runCli(['validate'], { cwd: process.cwd() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error validate needs at least one file.\n');
  });

  it('stops quietly when the reader of its output closes the pipe', async () => {
    // `graph` prints a large diagram; the reader goes away before reading any of it.
    const child = spawn(
      process.execPath,
      [binPath, 'graph', 'examples/order-processing/order-processing.asl.json'],
      {
        cwd: repoRoot,
      },
    );
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it('says so and exits 1 when a module it loads never finishes loading', async () => {
    const folder = tempDir({
      'package.json': '{ "type": "module" }',
      'hang.mts':
        'await new Promise(() => {});\nexport default { StartAt: "P", States: { P: { Type: "Pass", End: true } } };\n',
    });
    try {
      const run = await runCli(['validate', 'hang.mts'], { cwd: folder.path });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('never finished loading');
    } finally {
      folder.remove();
    }
  });
});
