export { PostgresStoreOptionError } from './errors';
export { PostgresStore, type PostgresStoreOptions } from './postgres-store';
