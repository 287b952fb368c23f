import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = resolve(cliDir, '../..');
export const binPath = join(cliDir, 'dist/bin.js');
/** The workspace packages the binary imports at run time, from their dist. */
const workspaceDependencies = Object.keys(
  (JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
    .dependencies,
)
  .filter((name) => name.startsWith('@stepwise/'))
  .map((name) => name.slice('@stepwise/'.length));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built `stepwise` binary the way a user's shell would. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: string },
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * Builds the binary (and any workspace package it imports whose build is
 * missing or older than its sources) unless dist is up to date. Test files run
 * in parallel, so a lock directory makes one of them build while the others wait.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = join(cliDir, 'node_modules/.cache/build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    if (!needsBuild()) return;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000)
        rmSync(lock, { force: true, recursive: true });
      await new Promise((wake) => setTimeout(wake, 250));
      continue;
    }
    try {
      if (needsBuild()) build();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function needsBuild(): boolean {
  return [cliDir, ...workspaceDependencies.map((name) => resolve(cliDir, '..', name))].some(isStale);
}

function build(): void {
  const tsup = join(repoRoot, 'node_modules/.bin/tsup');
  for (const name of workspaceDependencies) {
    const dir = resolve(cliDir, '..', name);
    // JavaScript only: the binary needs no declarations, and a package mid-change may not type-check yet.
    if (isStale(dir)) {
      execFileSync(tsup, ['src/index.ts', '--no-config', '--format', 'esm,cjs', '--target', 'node20'], {
        cwd: dir,
        stdio: 'pipe',
      });
    }
  }
  execFileSync(tsup, [], { cwd: cliDir, stdio: 'pipe' });
}

function isStale(packageDir: string): boolean {
  if (!existsSync(join(packageDir, 'src'))) return false;
  const output = join(packageDir, packageDir === cliDir ? 'dist/bin.js' : 'dist/index.js');
  const built = statSync(output, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return true;
  const inputs = [
    join(packageDir, 'package.json'),
    join(packageDir, 'tsup.config.ts'),
    ...sourceFiles(join(packageDir, 'src')),
  ];
  return inputs.some((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > built);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
