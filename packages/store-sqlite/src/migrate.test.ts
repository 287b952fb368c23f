import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaVersionMismatchError, StoreCorruptionError } from '@stepwise/runtime';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { MIGRATIONS } from './schema';

describe('the migrations of a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const database = () => new Database(join(dir, `${++files}.db`));
  const versions = (db: Database.Database) =>
    (
      db.prepare('SELECT version FROM stepwise_migrations ORDER BY version').all() as { version: number }[]
    ).map((row) => row.version);

  it('brings a new file to the latest version, and leaves it so when run again', () => {
    const db = database();
    migrate(db);
    migrate(db);
    expect(versions(db)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    db.close();
  });

  it("leaves another application's database as it was when they cannot apply to it", () => {
    const db = database();
    db.exec('CREATE TABLE executions (id INTEGER PRIMARY KEY, what TEXT)');
    expect(() => migrate(db)).toThrow(StoreCorruptionError);
    expect(() => migrate(db)).toThrow(/migration 1 cannot be applied .*executions already exists/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual([{ name: 'executions' }]);
    db.close();
  });

  it('refuses a version it does not know: newer, or none a store ever wrote', () => {
    const newer = database();
    newer.exec('CREATE TABLE stepwise_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    newer.prepare('INSERT INTO stepwise_migrations VALUES (?, 0)').run(MIGRATIONS.length + 1);
    expect(() => migrate(newer)).toThrow(SchemaVersionMismatchError);
    newer.close();
    const broken = database();
    broken.exec(
      'CREATE TABLE stepwise_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    broken.prepare('INSERT INTO stepwise_migrations VALUES (?, 0)').run(-1);
    expect(() => migrate(broken)).toThrow(StoreCorruptionError);
    expect(() => migrate(broken)).toThrow(/stepwise_migrations table: its latest version is -1/);
    broken.close();
  });

  it('names a migrations table that lost rows as corruption, and leaves the file as it was', () => {
    for (const lost of [
      'DELETE FROM stepwise_migrations',
      'DELETE FROM stepwise_migrations WHERE version > 1',
    ]) {
      const db = database();
      migrate(db);
      db.exec(lost);
      expect(() => migrate(db)).toThrow(StoreCorruptionError);
      expect(() => migrate(db)).toThrow(/stepwise_migrations table: it says the schema is at version [01]/);
      expect(versions(db).length).toBeLessThanOrEqual(1);
      db.close();
    }
  });

  it('says a write it cannot make as SQLite does, not as corruption (a read-only file)', () => {
    const filename = join(dir, `${++files}.db`);
    const db = new Database(filename);
    migrate(db);
    db.exec(`DELETE FROM stepwise_migrations WHERE version = ${MIGRATIONS.length};
      ALTER TABLE task_tokens DROP COLUMN heartbeat_at;`);
    db.close();
    const readOnly = new Database(filename, { readonly: true });
    expect(() => migrate(readOnly)).toThrow(/readonly/);
    expect(() => migrate(readOnly)).not.toThrow(StoreCorruptionError);
    readOnly.close();
  });

  it('gives the task tokens of a file of the previous version a heartbeat time, empty for their heartbeats so far', () => {
    const db = database();
    migrate(db);
    db.exec(`DELETE FROM stepwise_migrations WHERE version = ${MIGRATIONS.length};
      ALTER TABLE task_tokens DROP COLUMN heartbeat_at;
      INSERT INTO task_tokens (token, execution_arn, scheduled_at, state, heartbeats) VALUES ('t.1', 'arn:x', 0, 'OPEN', 2);`);
    migrate(db);
    expect(versions(db)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(db.prepare('SELECT heartbeats, heartbeat_at FROM task_tokens').all()).toEqual([
      { heartbeats: 2, heartbeat_at: null },
    ]);
    db.close();
  });
});
