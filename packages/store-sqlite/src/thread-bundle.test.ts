import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const { threadBundle } = createRequire(import.meta.url)('./thread-bundle.cjs') as {
  threadBundle(entry: string): string;
};
const entry = fileURLToPath(new URL('./sqlite-thread.ts', import.meta.url));

describe('the writer thread bundled from the sources', () => {
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
});
