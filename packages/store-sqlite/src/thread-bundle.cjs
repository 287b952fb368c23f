// The writer thread as one JavaScript file, bundled from the TypeScript sources when the store runs
// from them (its tests). Node 20 runs no `.ts` in a worker, and starting each thread through a
// TypeScript loader took most of a second: the loader starts in every new thread and hands it the
// sources of every package one module at a time. Bundled once per process, a thread starts in a
// tenth of that. Loaded with `require` by thread-client.ts, so the package's build never follows it.
'use strict';
const { createHash } = require('node:crypto');
const {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { join } = require('node:path');

/** A bundle this old belongs to sources since changed, and no test process still starts it. */
const STALE_MS = 60 * 60 * 1000;

/** The bundle of this process, by entry file. */
const bundles = new Map();

/**
 * The path of `entry` (an absolute `.ts` file) bundled with every source it imports, resolving the
 * workspace's packages by their `source` condition as the caller does. better-sqlite3 stays
 * outside (it is native), so the file is written under the package's `node_modules/.cache`, from
 * where it resolves. It is named by its content, so processes running the same sources share it
 * (a test runner may kill its processes, so none can be trusted to remove its own file).
 */
function threadBundle(entry) {
  let file = bundles.get(entry);
  if (file) return file;
  const { buildSync } = require('esbuild');
  const dir = join(__dirname, '..', 'node_modules', '.cache', 'stepwise-sqlite-thread');
  mkdirSync(dir, { recursive: true });
  const { outputFiles } = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    conditions: ['source'],
    external: ['better-sqlite3'],
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  const contents = outputFiles[0].contents;
  file = join(dir, `thread-${createHash('sha256').update(contents).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    // Written whole under another name first: another process may start a thread from it meanwhile.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, contents);
    renameSync(partial, file);
    removeStale(dir, file);
  }
  bundles.set(entry, file);
  return file;
}

function removeStale(dir, kept) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === kept) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

module.exports = { threadBundle };
