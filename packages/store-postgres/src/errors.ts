import { StepwiseError } from '@stepwise/asl';

/** An option of `new PostgresStore(...)` that cannot be used; `option` names it. */
export class PostgresStoreOptionError extends StepwiseError {
  readonly code = 'POSTGRES_STORE_OPTION';
  constructor(
    readonly option: string,
    value: unknown,
    expected: string,
  ) {
    super(`PostgresStore option '${option}' must be ${expected}, but was: ${String(value)}`);
  }
}
