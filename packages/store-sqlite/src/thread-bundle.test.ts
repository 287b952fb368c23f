import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bundler = fileURLToPath(new URL('./thread-bundle.cjs', import.meta.url));
const { threadBundle } = createRequire(import.meta.url)(bundler) as {
  threadBundle(entry: string, dir?: string): string;
};
const entry = fileURLToPath(new URL('./sqlite-thread.ts', import.meta.url));
const HOUR = 60 * 60 * 1000;

function lastUsed(file: string, msAgo: number): void {
  const then = new Date(Date.now() - msAgo);
  utimesSync(file, then, then);
}

describe('the writer thread bundled from the sources', () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-thread-bundle-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is built once per process, under the package, and named by its content', () => {
    const file = threadBundle(entry);
    expect(threadBundle(entry)).toBe(file);
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
    expect(file).toMatch(
      new RegExp(`store-sqlite/node_modules/\\.cache/stepwise-sqlite-thread/thread-${hash}\\.cjs$`),
    );
  });

  it("holds the workspace's sources and leaves only better-sqlite3 to be required", () => {
    const code = readFileSync(threadBundle(entry), 'utf8');
    // The runtime's error classes travel with the thread, from their sources.
    expect(code).toContain('runtime/src/');
    const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]));
    const builtIn = (name = '') => name.startsWith('node:') || /^[a-z_]+$/.test(name);
    expect([...required].filter((name) => !builtIn(name))).toEqual(['better-sqlite3']);
  });

  it('is the same file whatever the working directory of the process that builds it', () => {
    const dir = folder();
    const here = threadBundle(entry, dir);
    const script = `process.stdout.write(require(${JSON.stringify(bundler)}).threadBundle(${JSON.stringify(entry)}, ${JSON.stringify(dir)}))`;
    expect(execFileSync(process.execPath, ['-e', script], { cwd: '/' }).toString()).toBe(here);
    expect(readdirSync(dir)).toEqual([here.slice(dir.length + 1)]);
  });

  it('removes bundles no thread started from for a day when it writes one, and keeps the rest', () => {
    const dir = folder();
    for (const name of ['thread-old.cjs', 'thread-recent.cjs']) writeFileSync(join(dir, name), '');
    lastUsed(join(dir, 'thread-old.cjs'), 25 * HOUR);
    lastUsed(join(dir, 'thread-recent.cjs'), 23 * HOUR);
    const file = threadBundle(entry, dir);
    expect(readdirSync(dir).sort()).toEqual([file.slice(dir.length + 1), 'thread-recent.cjs'].sort());
  });

  it('marks its bundle used at each start, so that another process does not remove it meanwhile', () => {
    const dir = folder();
    const file = threadBundle(entry, dir);
    lastUsed(file, 25 * HOUR);
    expect(threadBundle(entry, dir)).toBe(file);
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(HOUR);
  });

  it('builds it again when it was removed after all', () => {
    const dir = folder();
    const file = threadBundle(entry, dir);
    rmSync(file);
    expect(threadBundle(entry, dir)).toBe(file);
    expect(statSync(file).size).toBeGreaterThan(0);
  });
});
