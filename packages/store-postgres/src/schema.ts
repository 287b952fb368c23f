import { DURABLE_STATUSES } from '@stepwise/runtime';
import { COMMIT_BATCH } from './commit-function';
import { SIGNAL_TASK } from './signal-function';

/** The statuses the runtime writes, as an SQL list: what the status constraint allows. */
export const KNOWN_STATUSES = DURABLE_STATUSES.map((status) => `'${status}'`).join(', ');

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
  // A commit writes the events one execution recorded as one row (see event-chunks in
  // @stepwise/runtime) and is one call of commit_batch: one round trip, one transaction.
  // Activities and the tokens of callback and activity tasks are kept, so any worker can hand out
  // an activity task or take an answer for an execution another worker runs.
  `
  ALTER TABLE {s}.executions ADD COLUMN wake_at BIGINT;
  CREATE INDEX executions_waking ON {s}.executions (wake_at) WHERE wake_at IS NOT NULL;
  DROP INDEX {s}.timers_by_due;
  CREATE TABLE {s}.event_chunks (
    execution_arn TEXT NOT NULL, first_id INTEGER NOT NULL, last_id INTEGER NOT NULL, events TEXT NOT NULL,
    PRIMARY KEY (execution_arn, first_id)
  );
  CREATE FUNCTION {s}.json_or_text(t TEXT) RETURNS JSON LANGUAGE plpgsql IMMUTABLE AS $$
  BEGIN
    RETURN t::json;
  EXCEPTION WHEN others THEN
    RETURN to_json(t);
  END $$;
  INSERT INTO {s}.event_chunks (execution_arn, first_id, last_id, events)
    SELECT execution_arn, id, id,
      json_build_array(json_build_array(id, previous_id, type, time, position, {s}.json_or_text(details)))::text
    FROM {s}.events;
  DROP FUNCTION {s}.json_or_text(TEXT);
  DROP TABLE {s}.events;
  CREATE TABLE {s}.activities (arn TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE {s}.task_tokens (
    token TEXT PRIMARY KEY, execution_arn TEXT NOT NULL, activity_arn TEXT, input TEXT,
    scheduled_at BIGINT NOT NULL, state TEXT NOT NULL, taken BOOLEAN NOT NULL DEFAULT false, worker_name TEXT,
    heartbeats INTEGER NOT NULL DEFAULT 0, answer_kind TEXT, output TEXT, error TEXT, cause TEXT
  );
  CREATE INDEX task_tokens_by_execution ON {s}.task_tokens (execution_arn);
  CREATE INDEX activity_tasks_waiting ON {s}.task_tokens (activity_arn, scheduled_at)
    WHERE state = 'OPEN' AND NOT taken AND activity_arn IS NOT NULL;
  ${COMMIT_BATCH}
  ${SIGNAL_TASK}
  `,
  // commit_batch also refuses a chunk that would leave a hole in a history (an earlier commit of
  // the execution failed). Migration 2 creates the current function, so this one only matters
  // to a database migrated before it existed.
  COMMIT_BATCH,
  // commit_batch refuses the events of an execution it does not hold, as the other stores do,
  // instead of keeping them where no execution would ever read them.
  COMMIT_BATCH,
  // commit_batch leaves out (fences) the events of an execution that has already ended, so a
  // late write cannot add a second end; and it reads the owner again once it holds the lock, so a
  // lease taken while it waited for that lock fences it (before, the read that waited saw the
  // owner as it was when it began).
  COMMIT_BATCH,
  // A status the runtime never writes (changed by hand, say) would keep a row out of every claim,
  // so its execution would never resume and nothing would say why: the database refuses one.
  `ALTER TABLE {s}.executions ADD CONSTRAINT executions_status_known
     CHECK (status IN (${KNOWN_STATUSES}));`,
  // A claim returns the histories of the executions it takes, saving a query per execution. The
  // function is volatile, so under READ COMMITTED it reads with a snapshot of its own, taken once
  // the claim holds the row: every chunk an earlier owner committed before letting go of the row
  // is in it (a read within the claim's statement would see the table as it was when the
  // statement began). Under a stricter isolation level the snapshot is the claim's, and a history
  // of more than 8 MB could pass the size PostgreSQL or Node allows one value: in both cases it
  // returns NULL, and the history is read by listEvents, chunk by chunk.
  `CREATE FUNCTION {s}.history_of(p_arn TEXT) RETURNS JSON LANGUAGE plpgsql VOLATILE AS $$
   BEGIN
     IF current_setting('transaction_isolation') <> 'read committed' THEN
       RETURN NULL;
     END IF;
     IF (SELECT coalesce(sum(octet_length(c.events)), 0) FROM {s}.event_chunks c
         WHERE c.execution_arn = p_arn) > 8388608 THEN
       RETURN NULL;
     END IF;
     RETURN (SELECT coalesce(json_agg(json_build_array(c.first_id, c.last_id, c.events) ORDER BY c.first_id), '[]')
       FROM {s}.event_chunks c WHERE c.execution_arn = p_arn);
   END $$;`,
  // commit_batch fences the timers and tokens it writes as it fences events: before, the rows of
  // an execution that had no event in the commit were written even under another owner's lease.
  COMMIT_BATCH,
  // signal_task wakes an unloaded execution for a heartbeat too: before, only answers did, and an
  // execution that left memory timed out on its heartbeat clock while its worker kept beating.
  SIGNAL_TASK,
  // commit_batch fences a new execution whose ARN another runtime took meanwhile: before, the
  // unique violation failed the whole commit, and the other executions in it ran their last steps
  // again from the store.
  COMMIT_BATCH,
  // commit_batch plans its statements once per connection (PostgreSQL chose to plan them again on
  // every call), locks and fences in one statement, and tests sets by hashing them.
  COMMIT_BATCH,
  // commit_batch closes the tokens of an execution that ends other than by succeeding, instead of
  // deleting them: an answer to a token from before a redrive was accepted for the running
  // execution and never applied.
  COMMIT_BATCH,
  // A heartbeat keeps when it was sent: a runtime that applies it later (after a restart, or once
  // the execution wakes) counts HeartbeatSeconds from then, not from when it read the row. The
  // six-argument signal_task stays for workers of the previous release still running during a
  // rolling upgrade (replaced within the migration's transaction, so none of their calls fails);
  // their heartbeats take the database's time.
  `ALTER TABLE {s}.task_tokens ADD COLUMN IF NOT EXISTS heartbeat_at BIGINT;
   ${SIGNAL_TASK}
   DROP FUNCTION IF EXISTS {s}.signal_task(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT);
   CREATE FUNCTION {s}.signal_task(
     p_token TEXT, p_arn TEXT, p_kind TEXT, p_output TEXT, p_error TEXT, p_cause TEXT
   ) RETURNS TEXT LANGUAGE sql AS $$
     SELECT {s}.signal_task(p_token, p_arn, p_kind, p_output, p_error, p_cause,
       (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT)
   $$;`,
];
