import { SchemaVersionMismatchError } from '@stepwise/runtime';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './schema';

/** Applies the migrations the database lacks, each in its own transaction. */
export function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS stepwise_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  db.transaction(() => {
    const { current } = db
      .prepare('SELECT COALESCE(MAX(version), 0) AS current FROM stepwise_migrations')
      .get() as {
      current: number;
    };
    if (current > MIGRATIONS.length) throw new SchemaVersionMismatchError(current, MIGRATIONS.length);
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version - 1] as string);
      db.prepare('INSERT INTO stepwise_migrations (version, applied_at) VALUES (?, ?)').run(
        version,
        Date.now(),
      );
    }
  }).immediate();
}
