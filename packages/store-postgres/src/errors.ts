import { OptionError } from '@stepwise/runtime';

/** An option of `new PostgresStore(...)` that cannot be used; `option` names it. */
export class PostgresStoreOptionError extends OptionError {
  readonly code = 'POSTGRES_STORE_OPTION';
  constructor(option: string, value: unknown, expected: string) {
    super('PostgresStore', option, value, expected);
  }
}
