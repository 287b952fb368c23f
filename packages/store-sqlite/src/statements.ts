import type Database from 'better-sqlite3';

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
  insertExecution: `INSERT INTO executions (arn, name, machine_arn, version_arn, definition_id, input, start_time, status,
         stop_time, output, error, cause, redrive_count, owner, lease_expires)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  getExecution: 'SELECT * FROM executions WHERE arn = ?',
  getOwner: 'SELECT owner FROM executions WHERE arn = ?',
  listExecutions: 'SELECT * FROM executions ORDER BY start_time, arn',
  listByStatus: 'SELECT * FROM executions WHERE status = ? ORDER BY start_time, arn',
  insertEvent:
    'INSERT INTO events (execution_arn, id, previous_id, type, time, position, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  listEvents: 'SELECT * FROM events WHERE execution_arn = ? ORDER BY id',
  finish: `UPDATE executions SET status = ?, stop_time = ?, output = ?, error = ?, cause = ?, owner = NULL,
         lease_expires = NULL WHERE arn = ?`,
  setTimer: `INSERT INTO timers (execution_arn, timer_id, due) VALUES (?, ?, ?)
       ON CONFLICT (execution_arn, timer_id) DO UPDATE SET due = excluded.due`,
  clearTimer: 'DELETE FROM timers WHERE execution_arn = ? AND timer_id = ?',
  clearTimers: 'DELETE FROM timers WHERE execution_arn = ?',
  listTimers: 'SELECT * FROM timers WHERE execution_arn = ? ORDER BY due, timer_id',
  claimable: `SELECT * FROM executions WHERE status = 'RUNNING'
         AND (owner IS NULL OR lease_expires <= ?) AND owner IS NOT ? ORDER BY start_time LIMIT ?`,
  claimableAll: `SELECT * FROM executions WHERE status = 'RUNNING' AND owner IS NOT ? ORDER BY start_time LIMIT ?`,
  lease: 'UPDATE executions SET owner = ?, lease_expires = ? WHERE arn = ?',
  renew: `UPDATE executions SET lease_expires = ? WHERE arn = ? AND owner = ? AND status = 'RUNNING'`,
  release: 'UPDATE executions SET owner = NULL, lease_expires = NULL WHERE arn = ? AND owner = ?',
  redrive: `UPDATE executions SET status = 'RUNNING', stop_time = NULL, output = NULL, error = NULL, cause = NULL,
         redrive_count = redrive_count + 1, owner = ?, lease_expires = ?
       WHERE arn = ? AND status IN ('FAILED', 'TIMED_OUT', 'ABORTED')`,
};

export type Statements = { readonly [K in keyof typeof SQL]: Database.Statement };

/** Prepares every statement once, when the store opens. */
export function prepareStatements(db: Database.Database): Statements {
  const prepared: Partial<Record<keyof typeof SQL, Database.Statement>> = {};
  for (const key of Object.keys(SQL) as (keyof typeof SQL)[]) prepared[key] = db.prepare(SQL[key]);
  return prepared as Statements;
}
