export { SqliteStoreClosedError, SqliteStoreNotInitializedError, SqliteThreadExitedError } from './errors';
export { SqliteStore, type SqliteStoreOptions } from './sqlite-store';
