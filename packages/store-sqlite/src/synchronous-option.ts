import { SqliteStoreOptionError } from './errors';

/**
 * SQLite takes any other word for `synchronous` as NORMAL, and `false` as OFF: a typo would
 * silently weaken what a commit survives, so only the two documented levels are taken.
 */
export function checkSynchronous(option: unknown): void {
  if (option !== undefined && option !== 'FULL' && option !== 'NORMAL') {
    throw new SqliteStoreOptionError('synchronous', option, "'FULL' or 'NORMAL'");
  }
}
