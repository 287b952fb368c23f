import Database from 'better-sqlite3';

/**
 * The raw rate every durable figure is a ratio to: one small insert per commit, on a file of the
 * same disk, in WAL mode with the given `synchronous`, for `seconds`.
 */
export function rawCommitsPerSecond(file: string, synchronous: string, seconds = 1): number {
  return rowCommitsPerSecond(file, synchronous, '{"small":true}', seconds);
}

/** Commits per second of one insert of `body` each, into a bare table (as the raw rate). */
export function rowCommitsPerSecond(file: string, synchronous: string, body: string, seconds = 1): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE IF NOT EXISTS raw (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = db.prepare('INSERT INTO raw (body) VALUES (?)');
  const one = db.transaction(() => insert.run(body));
  const until = performance.now() + seconds * 1000;
  let commits = 0;
  while (performance.now() < until) {
    one();
    commits++;
  }
  db.close();
  return commits / seconds;
}
