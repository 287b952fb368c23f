export {
  SqliteStoreClosedError,
  SqliteStoreNotInitializedError,
  SqliteStoreOptionError,
  SqliteThreadExitedError,
} from './errors';
export { SqliteStore, type SqliteStoreOptions } from './sqlite-store';
