// What the writer alone spends on the benchmark's workloads: the commits of a run (one execution at
// a time, and 200 at once) are recorded, then replayed on a bare store core (no engine, no thread)
// in synchronous=NORMAL, beside the raw rate. Reports the time per transition, the share of it in
// checkpoints, and the WAL pages a commit appends, by the table or index they belong to.
// Run: pnpm --filter @stepwise/store-sqlite bench:writer (after pnpm build).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@stepwise/store-sqlite';
import { type EncodedBatch, encodeBatch } from '../src/encoded-batch';
import { SqliteCore } from '../src/sqlite-core';
import { recordCommits } from './bench-runs';
import { rawCommitsPerSecond } from './raw-commits';

/** SQLite checkpoints once the WAL holds this many pages (its default `wal_autocheckpoint`). */
const CHECKPOINT_PAGES = 1000;

/** The commits of `total` executions run `concurrent` at a time through a real store and its thread. */
async function record(dir: string, concurrent: number, total: number): Promise<EncodedBatch[]> {
  const store = new SqliteStore({ filename: join(dir, `record-${concurrent}.db`), synchronous: 'NORMAL' });
  const batches = await recordCommits(store, concurrent, total);
  await store.close();
  return batches.map(encodeBatch);
}

/**
 * Replays the commits on a fresh file, the first half untimed. The WAL pages of the second half are
 * counted on a file of their own with checkpoints off; then, on another file, the second half is
 * timed with the checkpoints SQLite would make (each time the WAL reaches 1,000 pages) made by hand,
 * so that their time is told apart from the commits'.
 */
function replay(file: string, batches: readonly EncodedBatch[]) {
  const half = batches.length >> 1;
  const timed = batches.slice(half);
  const pages = walPages(`${file}-pages`, batches.slice(0, half), timed);
  const every = Math.max(1, Math.round(CHECKPOINT_PAGES / pages.total));
  const core = new SqliteCore({ filename: file, synchronous: 'NORMAL' });
  core.init();
  core.db.pragma('wal_autocheckpoint = 0');
  let committing = 0;
  let checkpointing = 0;
  batches.forEach((batch, i) => {
    const before = performance.now();
    core.commitEncoded(batch);
    const committed = performance.now();
    if ((i + 1) % every === 0) core.db.pragma('wal_checkpoint(PASSIVE)');
    if (i < half) return;
    committing += committed - before;
    checkpointing += performance.now() - committed;
  });
  core.close();
  const transitions = countTransitions(timed);
  return {
    commits: timed.length,
    transitionsPerCommit: +(transitions / timed.length).toFixed(1),
    microsPerTransition: +(((committing + checkpointing) * 1000) / transitions).toFixed(2),
    checkpointShare: +(checkpointing / (committing + checkpointing)).toFixed(2),
    walPagesPerCommit: pages,
  };
}

/** Ten Tasks record 52 events (five each, and the execution's start and end): 5.2 a transition. */
function countTransitions(batches: readonly EncodedBatch[]): number {
  const events = batches.reduce((n, b) => n + b.chunks.reduce((m, c) => m + c.lastId - c.firstId + 1, 0), 0);
  return events / 5.2;
}

/** The WAL pages `timed` appends, per commit, by the table or index each belongs to. */
function walPages(file: string, before: readonly EncodedBatch[], timed: readonly EncodedBatch[]) {
  const core = new SqliteCore({ filename: file, synchronous: 'NORMAL' });
  core.init();
  for (const batch of before) core.commitEncoded(batch);
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.db.pragma('wal_autocheckpoint = 0');
  for (const batch of timed) core.commitEncoded(batch);
  const wal = readFileSync(`${file}-wal`);
  const owners = new Map<number, string>();
  for (const row of core.db.prepare('SELECT name, pageno FROM dbstat').all() as PageRow[]) {
    owners.set(row.pageno, row.name);
  }
  core.close();
  const pageSize = wal.readUInt32BE(8);
  const counts = new Map<string, number>();
  let total = 0;
  // The WAL's 32-byte header, then frames: a 24-byte header (the page number first) and the page.
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const page = wal.readUInt32BE(at);
    const tree = page === 1 ? 'the file header (page 1)' : (owners.get(page) ?? 'free pages');
    counts.set(tree, (counts.get(tree) ?? 0) + 1);
    total++;
  }
  const perCommit = (n: number) => +(n / timed.length).toFixed(2);
  const byTree = [...counts].sort((a, b) => b[1] - a[1]).map(([tree, n]) => [tree, perCommit(n)]);
  return { total: perCommit(total), ...Object.fromEntries(byTree) } as { total: number } & Record<
    string,
    number
  >;
}

interface PageRow {
  readonly name: string;
  readonly pageno: number;
}

const dir = mkdtempSync(join(tmpdir(), 'stepwise-writer-'));
try {
  const oneAtATime = await record(dir, 1, 3000);
  const grouped = await record(dir, 200, 6000);
  const rounds = [];
  for (let round = 0; round < 3; round++) {
    const raw = rawCommitsPerSecond(join(dir, `raw-${round}.db`), 'NORMAL');
    rounds.push({
      rawCommitMicros: +(1e6 / raw).toFixed(2),
      oneAtATime: replay(join(dir, `one-${round}.db`), oneAtATime),
      grouped200: replay(join(dir, `grouped-${round}.db`), grouped),
    });
  }
  console.log(JSON.stringify(rounds, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
