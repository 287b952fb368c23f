import {
  type ClaimedExecution,
  type ClaimedRun,
  DuplicateTransitionError,
  DurableResourceNotFoundError,
  HistoryGapError,
  HistoryTooLongError,
  isUnreadable,
  SchemaVersionMismatchError,
  StoreCorruptionError,
} from '@stepwise/runtime';
import Database from 'better-sqlite3';
import type { CoreMethod } from './core-api';
import { SqliteStoreClosedError, SqliteStoreNotInitializedError } from './errors';

/**
 * A call to the core: the method's name, then its arguments. Sent by structured clone, which keeps
 * `undefined` fields as they are; a commit goes as an encoded batch (one string per execution's
 * events, see encoded-batch.ts), so its clone stays small whatever the events hold.
 */
export type Request = readonly [method: CoreMethod | 'close', ...args: unknown[]];

/** The answer to the oldest call not answered yet: the thread answers strictly in order. */
export type Reply = readonly [ok: true, value: unknown] | readonly [ok: false, error: ErrorPayload];

export interface ErrorPayload {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly stack: string | undefined;
  /** The error's own fields (`kind`, `arn`, `found`...), which some classes are rebuilt from. */
  readonly fields: Readonly<Record<string, unknown>>;
}

type Fields = ErrorPayload['fields'];

/**
 * The errors callers tell apart by class, rebuilt from their code. Maps, so that an error named
 * `constructor` or coded `toString` finds nothing here.
 */
const REBUILT = new Map<string, (fields: Fields) => Error>(
  Object.entries({
    DUPLICATE_TRANSITION: () => new DuplicateTransitionError(''),
    RESOURCE_NOT_FOUND: (f) => new DurableResourceNotFoundError(String(f.kind), String(f.arn)),
    STORE_CORRUPTED: (f) => new StoreCorruptionError(String(f.what), ''),
    SCHEMA_VERSION_MISMATCH: (f) => new SchemaVersionMismatchError(Number(f.found), Number(f.supported)),
    HISTORY_GAP: (f) =>
      new HistoryGapError(String(f.executionArn), Number(f.eventId), Number(f.lastStoredId)),
    HISTORY_TOO_LONG: (f) => new HistoryTooLongError(String(f.executionArn), Number(f.eventId)),
    SQLITE_STORE_NOT_INITIALIZED: () => new SqliteStoreNotInitializedError(),
    SQLITE_STORE_CLOSED: () => new SqliteStoreClosedError(),
  }),
);

const BUILT_IN = new Map<string, new (message: string) => Error>(
  Object.entries({ TypeError, RangeError, SyntaxError, ReferenceError }),
);

const SKIPPED = new Set(['name', 'message', 'code', 'stack']);

export function encodeError(error: unknown): ErrorPayload {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), code: undefined, stack: undefined, fields: {} };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (!SKIPPED.has(key) && (value === null || typeof value !== 'object') && typeof value !== 'function') {
      fields[key] = value;
    }
  }
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    code: typeof code === 'string' ? code : undefined,
    stack: error.stack,
    fields,
  };
}

/**
 * The error as the thread threw it: the same class where callers test it (`instanceof`,
 * `.code`), the same message, and the thread's stack, which is where it was thrown.
 */
export function decodeError(payload: ErrorPayload): Error {
  const rebuild = payload.code === undefined ? undefined : REBUILT.get(payload.code);
  let error: Error;
  if (rebuild) error = rebuild(payload.fields);
  else if (payload.name === 'SqliteError' && payload.code !== undefined) {
    error = new Database.SqliteError(payload.message, payload.code);
  } else {
    error = new (BUILT_IN.get(payload.name) ?? Error)(payload.message);
    if (error.name !== payload.name) error.name = payload.name;
    Object.assign(error, payload.fields, payload.code === undefined ? {} : { code: payload.code });
  }
  Object.defineProperty(error, 'message', { value: payload.message, writable: true, configurable: true });
  if (payload.stack !== undefined) error.stack = payload.stack;
  return error;
}

/**
 * A claimed row as it crosses from the writer thread: an unreadable one's error as a payload,
 * since posting an error object keeps neither its class nor its fields.
 */
export type ClaimedRow = ClaimedRun | { readonly executionArn: string; readonly unreadable: ErrorPayload };

export function encodeClaimed(row: ClaimedExecution): ClaimedRow {
  return isUnreadable(row)
    ? { executionArn: row.executionArn, unreadable: encodeError(row.unreadable) }
    : row;
}

export function decodeClaimed(row: ClaimedRow): ClaimedExecution {
  if (!('unreadable' in row)) return row;
  const error = decodeError(row.unreadable);
  if (!(error instanceof StoreCorruptionError)) throw error;
  return { executionArn: row.executionArn, unreadable: error };
}
