/**
 * The schema, as numbered migrations. The store applies the ones a database lacks, in order, and
 * records each in `stepwise_migrations`; a database migrated by a newer store is refused.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE definitions (definition_id TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE state_machines (
    arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition_id TEXT NOT NULL, created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE versions (
    version_arn TEXT PRIMARY KEY, machine_arn TEXT NOT NULL, version INTEGER NOT NULL,
    definition_id TEXT NOT NULL, description TEXT, created_at INTEGER NOT NULL,
    UNIQUE (machine_arn, version)
  ) WITHOUT ROWID;
  CREATE TABLE aliases (
    alias_arn TEXT PRIMARY KEY, machine_arn TEXT NOT NULL, name TEXT NOT NULL, routing TEXT NOT NULL,
    description TEXT
  ) WITHOUT ROWID;
  CREATE TABLE executions (
    arn TEXT PRIMARY KEY, name TEXT NOT NULL, machine_arn TEXT NOT NULL, version_arn TEXT,
    definition_id TEXT NOT NULL, input TEXT NOT NULL, start_time INTEGER NOT NULL,
    status TEXT NOT NULL, stop_time INTEGER, output TEXT, error TEXT, cause TEXT,
    redrive_count INTEGER NOT NULL, owner TEXT, lease_expires INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX executions_by_status ON executions (status, lease_expires);
  CREATE TABLE events (
    execution_arn TEXT NOT NULL, id INTEGER NOT NULL, previous_id INTEGER NOT NULL, type TEXT NOT NULL,
    time INTEGER NOT NULL, position TEXT NOT NULL, details TEXT,
    PRIMARY KEY (execution_arn, id)
  ) WITHOUT ROWID;
  CREATE TABLE timers (
    execution_arn TEXT NOT NULL, timer_id TEXT NOT NULL, due INTEGER NOT NULL,
    PRIMARY KEY (execution_arn, timer_id)
  ) WITHOUT ROWID;
  CREATE INDEX timers_by_due ON timers (due);
  `,
];
