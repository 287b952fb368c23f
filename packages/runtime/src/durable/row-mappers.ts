import {
  type AliasRoute,
  type ClaimedExecution,
  DURABLE_STATUSES,
  type DurableStatus,
  isUnreadable,
  type StoredAlias,
  type StoredEvent,
  type StoredExecution,
  type StoredTimer,
  type StoredVersion,
} from './durable-store';
import { StoreCorruptionError } from './store-errors';
import { parseJson } from './terminal-status';

/**
 * Rows of the SQL stores (both use these column names) read back into store records. A value of
 * the wrong type is reported as corruption naming the row and column, never passed on.
 */
export type Row = Record<string, unknown>;

export function text(row: Row, column: string, what: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new StoreCorruptionError(what, `column ${column} is not text`);
  return value;
}

export function optionalText(row: Row, column: string, what: string): string | undefined {
  return row[column] === null || row[column] === undefined ? undefined : text(row, column, what);
}

export function integer(row: Row, column: string, what: string): number {
  const value = row[column];
  // Drivers return 64-bit integers as bigint (SQLite) or decimal text (PostgreSQL).
  const number =
    typeof value === 'bigint'
      ? Number(value)
      : typeof value === 'string' && /^-?\d+$/.test(value)
        ? Number(value)
        : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw new StoreCorruptionError(what, `column ${column} is not an integer`);
  }
  return number;
}

/** The most milliseconds from the epoch a JavaScript Date can hold, either way. */
const MAX_TIME = 8.64e15;

/** A time column: an integer a Date can hold (a larger one would fail the execution later). */
function time(row: Row, column: string, what: string): number {
  const value = integer(row, column, what);
  if (Math.abs(value) > MAX_TIME) throw new StoreCorruptionError(what, `column ${column} is not a time`);
  return value;
}

export function optionalTime(row: Row, column: string, what: string): number | undefined {
  return row[column] === null || row[column] === undefined ? undefined : time(row, column, what);
}

/** The columns of an execution row, as both SQL stores name them, in the order `executionValues` gives. */
export const EXECUTION_COLUMNS = [
  'arn',
  'name',
  'machine_arn',
  'version_arn',
  'definition_id',
  'input',
  'start_time',
  'status',
  'stop_time',
  'output',
  'error',
  'cause',
  'redrive_count',
  'owner',
  'lease_expires',
] as const;

/** An execution's values for `EXECUTION_COLUMNS` (SQL NULL for what is undefined). */
export function executionValues(e: StoredExecution): (string | number | null)[] {
  return [
    e.executionArn,
    e.name,
    e.stateMachineArn,
    e.versionArn ?? null,
    e.definitionId,
    e.input,
    e.startTime,
    e.status,
    e.stopTime ?? null,
    e.output ?? null,
    e.error ?? null,
    e.cause ?? null,
    e.redriveCount,
    e.owner ?? null,
    e.leaseExpires ?? null,
  ];
}

export function executionFrom(row: Row): StoredExecution {
  const what = `execution ${String(row.arn)}`;
  const status = text(row, 'status', what) as DurableStatus;
  if (!DURABLE_STATUSES.includes(status)) throw new StoreCorruptionError(what, `unknown status ${status}`);
  const input = text(row, 'input', what);
  parseJson(input, `input of ${what}`);
  return {
    executionArn: text(row, 'arn', what),
    name: text(row, 'name', what),
    stateMachineArn: text(row, 'machine_arn', what),
    versionArn: optionalText(row, 'version_arn', what),
    definitionId: text(row, 'definition_id', what),
    input,
    startTime: time(row, 'start_time', what),
    status,
    stopTime: optionalTime(row, 'stop_time', what),
    output: optionalText(row, 'output', what),
    error: optionalText(row, 'error', what),
    cause: optionalText(row, 'cause', what),
    redriveCount: integer(row, 'redrive_count', what),
    owner: optionalText(row, 'owner', what),
    leaseExpires: optionalTime(row, 'lease_expires', what),
  };
}

/**
 * A claimed row: the execution, or, when the row cannot be read, what is wrong with it (see
 * UnreadableExecution), so that one damaged row does not fail the whole claim.
 */
export function claimedFrom(row: Row): ClaimedExecution {
  try {
    return executionFrom(row);
  } catch (error) {
    if (!(error instanceof StoreCorruptionError)) throw error;
    return { executionArn: String(row.arn), unreadable: error };
  }
}

/**
 * A claimed execution with the history its store read along with the claim. A history that
 * cannot be read is left out, for `listEvents` to report when the execution resumes, rather than
 * failing the whole claim.
 */
export function claimedWithHistory(
  claimed: ClaimedExecution,
  read: () => readonly StoredEvent[],
): ClaimedExecution {
  if (isUnreadable(claimed)) return claimed;
  try {
    return { ...claimed, history: read() };
  } catch (error) {
    if (error instanceof StoreCorruptionError) return claimed;
    throw error;
  }
}

export function eventFrom(row: Row): StoredEvent {
  const what = `event ${String(row.id)} of ${String(row.execution_arn)}`;
  return {
    executionArn: text(row, 'execution_arn', what),
    id: integer(row, 'id', what),
    previousEventId: integer(row, 'previous_id', what),
    type: text(row, 'type', what) as StoredEvent['type'],
    time: time(row, 'time', what),
    position: text(row, 'position', what),
    details: optionalText(row, 'details', what),
  };
}

export function timerFrom(row: Row): StoredTimer {
  const what = `timer ${String(row.timer_id)} of ${String(row.execution_arn)}`;
  return {
    executionArn: text(row, 'execution_arn', what),
    timerId: text(row, 'timer_id', what),
    due: time(row, 'due', what),
  };
}

export function versionFrom(row: Row): StoredVersion {
  const what = `version ${String(row.version_arn)}`;
  return {
    versionArn: text(row, 'version_arn', what),
    stateMachineArn: text(row, 'machine_arn', what),
    version: integer(row, 'version', what),
    definitionId: text(row, 'definition_id', what),
    description: optionalText(row, 'description', what),
    createdAt: integer(row, 'created_at', what),
  };
}

function isRoute(route: unknown): route is AliasRoute {
  if (typeof route !== 'object' || route === null) return false;
  const { versionArn, weight } = route as Record<string, unknown>;
  return (
    typeof versionArn === 'string' &&
    Number.isInteger(weight) &&
    (weight as number) >= 0 &&
    (weight as number) <= 100
  );
}

export function aliasFrom(row: Row): StoredAlias {
  const what = `alias ${String(row.alias_arn)}`;
  const routing = parseJson(text(row, 'routing', what), `routing of ${what}`);
  // What putAlias writes: one or two versions whose weights add up to 100.
  if (!Array.isArray(routing) || routing.length === 0 || routing.length > 2 || !routing.every(isRoute)) {
    throw new StoreCorruptionError(
      what,
      `its routing is not one or two versions with weights: ${JSON.stringify(routing)}`,
    );
  }
  if (routing.reduce((sum: number, route: AliasRoute) => sum + route.weight, 0) !== 100) {
    throw new StoreCorruptionError(
      what,
      `its routing's weights do not add up to 100: ${JSON.stringify(routing)}`,
    );
  }
  return {
    aliasArn: text(row, 'alias_arn', what),
    stateMachineArn: text(row, 'machine_arn', what),
    name: text(row, 'name', what),
    routing: routing as StoredAlias['routing'],
    description: optionalText(row, 'description', what),
  };
}
