import { StepwiseError } from '@stepwise/asl';
import { OptionError } from '@stepwise/runtime';

/** A call made before `init()`. */
export class SqliteStoreNotInitializedError extends StepwiseError {
  readonly code = 'SQLITE_STORE_NOT_INITIALIZED';
  constructor() {
    super('SqliteStore.init() must be called first.');
  }
}

/** A call made once `close()` was called. */
export class SqliteStoreClosedError extends StepwiseError {
  readonly code = 'SQLITE_STORE_CLOSED';
  constructor() {
    super('The SqliteStore is closed.');
  }
}

/**
 * The writer thread stopped without being asked to (a crash, running out of memory): the calls it
 * had not answered, and every later call, fail with this. Whether a commit in flight reached the
 * file is unknown until the file is opened again; the runtime treats it as any failed commit.
 */
export class SqliteThreadExitedError extends StepwiseError {
  readonly code = 'SQLITE_THREAD_EXITED';
  constructor(
    readonly exitCode: number | undefined,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? `: ${cause.message}` : ` with exit code ${exitCode}`;
    super(`The SqliteStore writer thread stopped${why}`, { cause });
  }
}

/** An option of `new SqliteStore(...)` that cannot be used; `option` names it. */
export class SqliteStoreOptionError extends OptionError {
  readonly code = 'SQLITE_STORE_OPTION';
  constructor(option: string, value: unknown, expected: string) {
    super('SqliteStore', option, value, expected);
  }
}
