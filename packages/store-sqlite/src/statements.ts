import { DURABLE_STATUSES, EXECUTION_COLUMNS } from '@stepwise/runtime';
import type Database from 'better-sqlite3';

/** Not unloaded, or unloaded and due; a wake time that is not a number counts as due. */
const DUE = `(wake_at IS NULL OR wake_at <= @now OR typeof(wake_at) NOT IN ('integer', 'real'))`;

/** The statuses the store writes, in the order SQLite compares text (byte order, as `sort`). */
const WRITTEN = [...DURABLE_STATUSES].sort();

/**
 * A status the store never writes, as the ranges between those it does: the status index seeks
 * each range, where `NOT IN` would read every execution in the file. A number is stored as text
 * in this column, and a blob sorts after any text, so the last range holds blobs.
 */
const UNKNOWN_STATUS = [
  `status < '${WRITTEN[0]}'`,
  ...WRITTEN.slice(1).map((status, i) => `(status > '${WRITTEN[i]}' AND status < '${status}')`),
  `status > '${WRITTEN[WRITTEN.length - 1]}'`,
].join(' OR ');

/** Every statement the store runs. */
const SQL = {
  putDefinition: 'INSERT INTO definitions (definition_id, json) VALUES (?, ?) ON CONFLICT DO NOTHING',
  getDefinition: 'SELECT json FROM definitions WHERE definition_id = ?',
  putMachine: `INSERT INTO state_machines (arn, name, definition_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (arn) DO UPDATE SET definition_id = excluded.definition_id`,
  getMachine: 'SELECT * FROM state_machines WHERE arn = ?',
  nextVersion: 'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM versions WHERE machine_arn = ?',
  putVersion:
    'INSERT INTO versions (version_arn, machine_arn, version, definition_id, description, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  getVersion: 'SELECT * FROM versions WHERE version_arn = ?',
  listVersions: 'SELECT * FROM versions WHERE machine_arn = ? ORDER BY version',
  putAlias: `INSERT INTO aliases (alias_arn, machine_arn, name, routing, description) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (alias_arn) DO UPDATE SET routing = excluded.routing, description = excluded.description`,
  getAlias: 'SELECT * FROM aliases WHERE alias_arn = ?',
  insertExecution: `INSERT INTO executions (${EXECUTION_COLUMNS.join(', ')})
       VALUES (${EXECUTION_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (arn) DO NOTHING`,
  getExecution: 'SELECT * FROM executions WHERE arn = ?',
  keyOf: 'SELECT seq, owner, status FROM executions WHERE arn = ?',
  endedAmong: `SELECT * FROM executions WHERE arn IN (SELECT value FROM json_each(?)) AND status <> 'RUNNING'`,
  listExecutions: 'SELECT * FROM executions ORDER BY start_time, arn',
  listByStatus: 'SELECT * FROM executions WHERE status = ? ORDER BY start_time, arn',
  insertChunk: 'INSERT INTO event_chunks (seq, first_id, last_id, events) VALUES (?, ?, ?, ?)',
  lastChunkBefore:
    'SELECT last_id FROM event_chunks WHERE seq = ? AND first_id <= ? ORDER BY first_id DESC LIMIT 1',
  listChunks: 'SELECT first_id, last_id, events FROM event_chunks WHERE seq = ? ORDER BY first_id',
  finish: `UPDATE executions SET status = ?, stop_time = ?, output = ?, error = ?, cause = ?, owner = NULL,
         lease_expires = NULL, wake_at = NULL WHERE seq = ?`,
  setTimer: `INSERT INTO timers (execution_arn, timer_id, due) VALUES (?, ?, ?)
       ON CONFLICT (execution_arn, timer_id) DO UPDATE SET due = excluded.due`,
  clearTimer: 'DELETE FROM timers WHERE execution_arn = ? AND timer_id = ?',
  clearTimers: 'DELETE FROM timers WHERE execution_arn = ?',
  listTimers: 'SELECT * FROM timers WHERE execution_arn = ? ORDER BY due, timer_id',
  claimable: `SELECT * FROM executions WHERE status = 'RUNNING' AND (owner IS NULL OR lease_expires <= @now)
         AND ${DUE} ORDER BY start_time LIMIT @limit`,
  // Taking over after a restart also takes rows whose status the runtime never writes, which
  // would otherwise never be claimed: they are handed out as unreadable, and recover() names them.
  claimableAll: `SELECT * FROM executions WHERE status = 'RUNNING' AND ${DUE}
       UNION ALL SELECT * FROM executions WHERE (${UNKNOWN_STATUS})
       ORDER BY start_time LIMIT @limit`,
  // `+status`: left to the wake index, the planner would otherwise read every running execution
  // through the status index and sort them.
  claimableWoken: `SELECT * FROM executions WHERE wake_at <= @now AND +status = 'RUNNING' AND owner IS NULL
         ORDER BY wake_at LIMIT @limit`,
  // Read through the ARN index, the executions named being few: `+status` keeps the planner off
  // the status index, through which it would read every running execution.
  claimableWokenAmong: `SELECT * FROM executions WHERE arn IN (SELECT value FROM json_each(@among))
         AND wake_at <= @now AND +status = 'RUNNING' AND owner IS NULL ORDER BY wake_at LIMIT @limit`,
  lease: 'UPDATE executions SET owner = ?, lease_expires = ?, wake_at = NULL WHERE arn = ?',
  unload: `UPDATE executions SET owner = NULL, lease_expires = NULL, wake_at = @wakeAt
       WHERE arn = @arn AND owner = @owner AND status = 'RUNNING'`,
  // `wake_at IS NOT NULL` lets it read the wake index (partial on that condition), not every row.
  nextWake: `SELECT MIN(wake_at) AS at FROM executions
       WHERE wake_at IS NOT NULL AND typeof(wake_at) IN ('integer', 'real')`,
  wake: 'UPDATE executions SET wake_at = 0 WHERE arn = ? AND wake_at IS NOT NULL',
  renew: `UPDATE executions SET lease_expires = ? WHERE arn = ? AND owner = ? AND status = 'RUNNING'`,
  release: 'UPDATE executions SET owner = NULL, lease_expires = NULL WHERE arn = ? AND owner = ?',
  seize: `UPDATE executions SET owner = ?, lease_expires = ? WHERE arn = ? AND status = 'RUNNING'`,
  redrive: `UPDATE executions SET status = 'RUNNING', stop_time = NULL, output = NULL, error = NULL, cause = NULL,
         redrive_count = redrive_count + 1, owner = ?, lease_expires = ?
       WHERE arn = ? AND status IN ('FAILED', 'TIMED_OUT', 'ABORTED')`,
  putActivity: 'INSERT INTO activities (arn, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  getActivity: 'SELECT * FROM activities WHERE arn = ?',
  openToken: `INSERT INTO task_tokens (token, execution_arn, activity_arn, input, scheduled_at, state)
       VALUES (?, ?, ?, ?, ?, 'OPEN') ON CONFLICT (token) DO UPDATE SET activity_arn = excluded.activity_arn,
         input = excluded.input, scheduled_at = excluded.scheduled_at`,
  closeToken: 'UPDATE task_tokens SET state = ? WHERE token = ? AND execution_arn = ?',
  // The tokens of an execution that ended are kept, closed, so that an answer to one is refused
  // after a redrive too; those of one that succeeded go, as it can never be redriven (see
  // DurableStore.commit).
  dropTokens: 'DELETE FROM task_tokens WHERE execution_arn = ?',
  endTokens: `UPDATE task_tokens SET state = CASE WHEN state IN ('OPEN', 'ANSWERED') THEN 'TIMED_OUT' ELSE state END,
      input = NULL, answer_kind = NULL, output = NULL, error = NULL, cause = NULL
    WHERE execution_arn = ?`,
  getToken: 'SELECT * FROM task_tokens WHERE token = ?',
  oldestActivityTask: `SELECT token FROM task_tokens
       WHERE activity_arn = ? AND state = 'OPEN' AND taken = 0 ORDER BY scheduled_at, token LIMIT 1`,
  takeToken: 'UPDATE task_tokens SET taken = 1, worker_name = ? WHERE token = ?',
  statusOf: 'SELECT status FROM executions WHERE arn = ?',
  answerToken: `INSERT INTO task_tokens (token, execution_arn, scheduled_at, state, answer_kind, output, error, cause)
       VALUES (?, ?, 0, 'ANSWERED', ?, ?, ?, ?) ON CONFLICT (token) DO UPDATE SET state = 'ANSWERED',
         answer_kind = excluded.answer_kind, output = excluded.output, error = excluded.error, cause = excluded.cause
       WHERE task_tokens.state = 'OPEN'`,
  heartbeatToken: `INSERT INTO task_tokens (token, execution_arn, scheduled_at, state, heartbeats, heartbeat_at)
       VALUES (?, ?, 0, 'OPEN', 1, ?)
       ON CONFLICT (token) DO UPDATE SET heartbeats = task_tokens.heartbeats + 1,
         heartbeat_at = max(coalesce(task_tokens.heartbeat_at, excluded.heartbeat_at), excluded.heartbeat_at)
       WHERE task_tokens.state = 'OPEN'`,
  // An unload was given every heartbeat stored (or it was refused): a wake applies only later ones.
  heartbeatsApplied: `UPDATE task_tokens SET heartbeats = 0 WHERE execution_arn = ? AND state = 'OPEN' AND heartbeats > 0`,
  tokenSignals: `SELECT * FROM task_tokens WHERE execution_arn = ?
       AND (state = 'ANSWERED' OR (state = 'OPEN' AND (taken = 1 OR heartbeats > 0)))`,
};

export type Statements = { readonly [K in keyof typeof SQL]: Database.Statement };

/** Prepares every statement once, when the store opens. */
export function prepareStatements(db: Database.Database): Statements {
  const prepared: Partial<Record<keyof typeof SQL, Database.Statement>> = {};
  for (const key of Object.keys(SQL) as (keyof typeof SQL)[]) prepared[key] = db.prepare(SQL[key]);
  return prepared as Statements;
}
