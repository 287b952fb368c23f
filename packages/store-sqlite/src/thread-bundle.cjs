// The writer thread as one JavaScript file, bundled from the TypeScript sources when the store runs
// from them (its tests). Node 20 runs no `.ts` in a worker, and starting each thread through a
// TypeScript loader took most of a second: the loader starts in every new thread and hands it the
// sources of every package one module at a time. Bundled once per process, a thread starts in a
// tenth of that. Loaded with `require` by thread-client.ts, so the package's build never follows it.
'use strict';
const { createHash, randomUUID } = require('node:crypto');
const {
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} = require('node:fs');
const { join } = require('node:path');
const { threadId } = require('node:worker_threads');

/** A bundle no process has started a thread from for this long belongs to sources since changed. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** The bundles of this process, by folder and entry file. */
const bundles = new Map();

/**
 * The path of `entry` (an absolute `.ts` file) bundled with every source it imports, resolving the
 * workspace's packages by their `source` condition as the caller does. better-sqlite3 stays
 * outside (it is native), so the file is written under the package's `node_modules/.cache`, from
 * where it resolves. It is named by its content, so processes running the same sources share it
 * (a test runner may kill its processes, so none can be trusted to remove its own file), and
 * removed once no thread has started from it for a day. `dir` is for tests of this module.
 */
function threadBundle(
  entry,
  dir = join(__dirname, '..', 'node_modules', '.cache', 'stepwise-sqlite-thread'),
) {
  const key = `${dir}\n${entry}`;
  const known = bundles.get(key);
  // Touched at each start, so that another process pruning old bundles spares it.
  if (known && touched(known)) return known;
  const { buildSync } = require('esbuild');
  const root = join(__dirname, '..');
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
    // Paths in the bundle (comments, the source map's) are relative to these, whatever the
    // caller's working directory: the same sources make the same file, and its map resolves.
    absWorkingDir: root,
    outdir: dir,
    write: false,
    logLevel: 'silent',
  });
  const contents = outputFiles[0].contents;
  const file = join(dir, `thread-${createHash('sha256').update(contents).digest('hex').slice(0, 16)}.cjs`);
  if (!touched(file)) {
    // Written whole under a name of its own first: another process or thread may be writing the
    // same bundle, or starting a thread from it.
    const partial = `${file}.${process.pid}-${threadId}-${randomUUID()}`;
    writeFileSync(partial, contents);
    renameSync(partial, file);
    removeStale(dir, file);
  }
  bundles.set(key, file);
  return file;
}

/** Whether `file` exists, its time of last use set to now. */
function touched(file) {
  const now = new Date();
  try {
    utimesSync(file, now, now);
    return true;
  } catch {
    return false;
  }
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
