import { SchemaVersionMismatchError, StoreCorruptionError } from '@stepwise/runtime';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './schema';

/**
 * Applies the migrations the database lacks, in one transaction: a file they cannot be applied to
 * (another application's database, say, or ours with a `stepwise_migrations` table that lost rows)
 * is left as it was, without a table of ours, and named as corruption with SQLite's reason.
 */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS stepwise_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    const { current } = db
      .prepare('SELECT COALESCE(MAX(version), 0) AS current FROM stepwise_migrations')
      .get() as {
      current: number;
    };
    if (!Number.isInteger(current) || current < 0) {
      throw new StoreCorruptionError('stepwise_migrations table', `its latest version is ${String(current)}`);
    }
    if (current > MIGRATIONS.length) throw new SchemaVersionMismatchError(current, MIGRATIONS.length);
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      try {
        db.exec(MIGRATIONS[version - 1] as string);
      } catch (error) {
        // Only a statement the tables refuse (SQLITE_ERROR: a table that exists, a column that
        // does not); a read-only file, a full disk or a busy database is said as SQLite says it.
        if ((error as { code?: unknown }).code !== 'SQLITE_ERROR') throw error;
        throw new StoreCorruptionError(
          'stepwise_migrations table',
          `it says the schema is at version ${current}, but migration ${version} cannot be applied ` +
            `to the tables the file holds (${(error as Error).message})`,
        );
      }
      db.prepare('INSERT INTO stepwise_migrations (version, applied_at) VALUES (?, ?)').run(
        version,
        Date.now(),
      );
    }
  }).immediate();
}
