/**
 * The schema, as numbered migrations run inside the store's own PostgreSQL schema (`{s}` below).
 * Each is applied once, in order, under an advisory lock, and recorded in `stepwise_migrations`.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE {s}.definitions (definition_id TEXT PRIMARY KEY, json TEXT NOT NULL);
  CREATE TABLE {s}.state_machines (
    arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition_id TEXT NOT NULL, created_at BIGINT NOT NULL
  );
  CREATE TABLE {s}.versions (
    version_arn TEXT PRIMARY KEY, machine_arn TEXT NOT NULL, version INTEGER NOT NULL,
    definition_id TEXT NOT NULL, description TEXT, created_at BIGINT NOT NULL,
    UNIQUE (machine_arn, version)
  );
  CREATE TABLE {s}.aliases (
    alias_arn TEXT PRIMARY KEY, machine_arn TEXT NOT NULL, name TEXT NOT NULL, routing TEXT NOT NULL,
    description TEXT
  );
  CREATE TABLE {s}.executions (
    arn TEXT PRIMARY KEY, name TEXT NOT NULL, machine_arn TEXT NOT NULL, version_arn TEXT,
    definition_id TEXT NOT NULL, input TEXT NOT NULL, start_time BIGINT NOT NULL,
    status TEXT NOT NULL, stop_time BIGINT, output TEXT, error TEXT, cause TEXT,
    redrive_count INTEGER NOT NULL, owner TEXT, lease_expires BIGINT
  );
  CREATE INDEX executions_claimable ON {s}.executions (start_time) WHERE status = 'RUNNING';
  CREATE TABLE {s}.events (
    execution_arn TEXT NOT NULL, id INTEGER NOT NULL, previous_id INTEGER NOT NULL, type TEXT NOT NULL,
    time BIGINT NOT NULL, position TEXT NOT NULL, details TEXT,
    PRIMARY KEY (execution_arn, id)
  );
  CREATE TABLE {s}.timers (
    execution_arn TEXT NOT NULL, timer_id TEXT NOT NULL, due BIGINT NOT NULL,
    PRIMARY KEY (execution_arn, timer_id)
  );
  CREATE INDEX timers_by_due ON {s}.timers (due);
  `,
];
