import {
  DuplicateTransitionError,
  DurableResourceNotFoundError,
  HistoryTooLongError,
  SchemaVersionMismatchError,
  StoreCorruptionError,
} from '@stepwise/runtime';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStoreClosedError, SqliteStoreNotInitializedError } from './errors';
import { decodeError, encodeError } from './messages';

/** What crossing the thread does to an error: encoded, cloned, decoded. */
const across = (error: unknown) => decodeError(structuredClone(encodeError(error)));

describe('errors crossing the writer thread', () => {
  it.each([
    new DuplicateTransitionError('event 3 of arn:x'),
    new DurableResourceNotFoundError('execution', 'arn:x'),
    new StoreCorruptionError('event 1 of arn:x', 'not JSON'),
    new SchemaVersionMismatchError(9, 2),
    new HistoryTooLongError('arn:x', 2 ** 20),
    new SqliteStoreNotInitializedError(),
    new SqliteStoreClosedError(),
  ])('keeps the class, code, message and fields of $name', (error) => {
    const rebuilt = across(error);
    expect(rebuilt).toBeInstanceOf(error.constructor as new () => Error);
    expect(rebuilt).toEqual(error);
    expect(rebuilt.message).toBe(error.message);
    expect({ ...rebuilt }).toEqual({ ...error });
    expect(rebuilt.stack).toBe(error.stack);
  });

  it('keeps a SQLite error as SqliteError with its code', () => {
    const rebuilt = across(new Database.SqliteError('database is locked', 'SQLITE_BUSY'));
    expect(rebuilt).toBeInstanceOf(Database.SqliteError);
    expect(rebuilt).toMatchObject({
      name: 'SqliteError',
      code: 'SQLITE_BUSY',
      message: 'database is locked',
    });
  });

  it('keeps built-in classes, and the name, code and fields of any other error', () => {
    expect(across(new TypeError('not open'))).toBeInstanceOf(TypeError);
    const odd = Object.assign(new Error('odd'), { name: 'OddError', code: 'ODD', detail: 7, nested: {} });
    expect({ ...across(odd) }).toEqual({ name: 'OddError', code: 'ODD', detail: 7 });
    expect(across('a string')).toMatchObject({ name: 'Error', message: 'a string' });
  });

  it('rebuilds an error named or coded like an Object member as a plain error', () => {
    const named = across(Object.assign(new Error('odd'), { name: 'constructor', code: 'toString' }));
    expect(named).toBeInstanceOf(Error);
    expect(named).toMatchObject({ name: 'constructor', code: 'toString', message: 'odd' });
  });
});
