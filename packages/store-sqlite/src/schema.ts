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
  // Executions get an integer key (the rowid) and a wake time; a commit writes the events an
  // execution recorded as one row (see event-chunks in @stepwise/runtime), keyed by
  // execution key * 2^20 + first event id, so a transition costs one small row. Activities and
  // the tokens of callback and activity tasks are kept, so tasks and answers survive a restart.
  `
  CREATE TABLE executions_v2 (
    seq INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, name TEXT NOT NULL, machine_arn TEXT NOT NULL,
    version_arn TEXT, definition_id TEXT NOT NULL, input TEXT NOT NULL, start_time INTEGER NOT NULL,
    status TEXT NOT NULL, stop_time INTEGER, output TEXT, error TEXT, cause TEXT,
    redrive_count INTEGER NOT NULL, owner TEXT, lease_expires INTEGER, wake_at INTEGER
  );
  INSERT INTO executions_v2 (arn, name, machine_arn, version_arn, definition_id, input, start_time, status,
      stop_time, output, error, cause, redrive_count, owner, lease_expires)
    SELECT arn, name, machine_arn, version_arn, definition_id, input, start_time, status,
      stop_time, output, error, cause, redrive_count, owner, lease_expires
    FROM executions ORDER BY start_time, arn;
  CREATE TABLE event_chunks (key INTEGER PRIMARY KEY, last_id INTEGER NOT NULL, events TEXT NOT NULL);
  INSERT INTO event_chunks (key, last_id, events)
    SELECT x.seq * 1048576 + e.id, e.id, json_array(json_array(e.id, e.previous_id, e.type, e.time, e.position,
      CASE WHEN e.details IS NULL THEN NULL WHEN json_valid(e.details) THEN json(e.details) ELSE e.details END))
    FROM events e JOIN executions_v2 x ON x.arn = e.execution_arn;
  DROP TABLE events;
  DROP TABLE executions;
  ALTER TABLE executions_v2 RENAME TO executions;
  CREATE INDEX executions_by_status ON executions (status, lease_expires);
  CREATE INDEX executions_waking ON executions (wake_at) WHERE wake_at IS NOT NULL;
  DROP INDEX timers_by_due;
  CREATE TABLE activities (arn TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE task_tokens (
    token TEXT PRIMARY KEY, execution_arn TEXT NOT NULL, activity_arn TEXT, input TEXT,
    scheduled_at INTEGER NOT NULL, state TEXT NOT NULL, taken INTEGER NOT NULL DEFAULT 0, worker_name TEXT,
    heartbeats INTEGER NOT NULL DEFAULT 0, answer_kind TEXT, output TEXT, error TEXT, cause TEXT
  ) WITHOUT ROWID;
  CREATE INDEX task_tokens_by_execution ON task_tokens (execution_arn);
  CREATE INDEX activity_tasks_waiting ON task_tokens (activity_arn, scheduled_at)
    WHERE state = 'OPEN' AND taken = 0 AND activity_arn IS NOT NULL;
  `,
  // Chunk rows are appended in commit order (the rowid), and found by execution through an index.
  // Keyed by execution, a commit grouping the transitions of many executions wrote one row into a
  // different leaf page for each of them; appended, their rows share the last few pages.
  `
  CREATE TABLE event_chunks_v3 (
    id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, first_id INTEGER NOT NULL, last_id INTEGER NOT NULL,
    events TEXT NOT NULL
  );
  INSERT INTO event_chunks_v3 (seq, first_id, last_id, events)
    SELECT key / 1048576, key % 1048576, last_id, events FROM event_chunks ORDER BY key;
  DROP TABLE event_chunks;
  ALTER TABLE event_chunks_v3 RENAME TO event_chunks;
  CREATE UNIQUE INDEX event_chunks_by_execution ON event_chunks (seq, first_id);
  `,
  // A heartbeat keeps when it was sent: a runtime that applies it later (after a restart, or once
  // the execution wakes) counts HeartbeatSeconds from then, not from when it read the row.
  `ALTER TABLE task_tokens ADD COLUMN heartbeat_at INTEGER;`,
];
