import { StepwiseError } from '@stepwise/asl';

/** A row the store cannot read back: bad JSON, a missing field, an event out of sequence. */
export class StoreCorruptionError extends StepwiseError {
  readonly code = 'STORE_CORRUPTED';
  constructor(
    readonly what: string,
    detail: string,
  ) {
    super(`The durable store holds a corrupted ${what}: ${detail}`);
  }
}

/** The database's schema was written by a newer (or unknown) version of the store. */
export class SchemaVersionMismatchError extends StepwiseError {
  readonly code = 'SCHEMA_VERSION_MISMATCH';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`The database schema is at version ${found}; this store supports up to version ${supported}.`);
  }
}

/** Starting an execution that names an unknown state machine, version, alias or definition. */
export class DurableResourceNotFoundError extends StepwiseError {
  readonly code = 'RESOURCE_NOT_FOUND';
  constructor(
    readonly kind: string,
    readonly arn: string,
  ) {
    super(`The ${kind} '${arn}' does not exist.`);
  }
}

/** Redrive asked of an execution that is running, succeeded, or does not exist. */
export class ExecutionNotRedrivableError extends StepwiseError {
  readonly code = 'EXECUTION_NOT_REDRIVABLE';
  constructor(
    readonly executionArn: string,
    reason: string,
  ) {
    super(`The execution '${executionArn}' cannot be redriven: ${reason}`);
  }
}

/** A stop whose end was left out each time it was written: other runtimes kept seizing the execution. */
export class ExecutionNotStoppedError extends StepwiseError {
  readonly code = 'EXECUTION_NOT_STOPPED';
  constructor(
    readonly executionArn: string,
    attempts: number,
  ) {
    super(
      `The execution '${executionArn}' could not be stopped: its end was left out ${attempts} times, as other runtimes took its lease.`,
    );
  }
}

/** An alias whose routing is not one or two versions of its machine with weights adding to 100. */
export class InvalidAliasRoutingError extends StepwiseError {
  readonly code = 'INVALID_ALIAS_ROUTING';
  constructor(message: string) {
    super(message);
  }
}

/** A commit that would write an event id (or an execution) that already exists. */
export class DuplicateTransitionError extends StepwiseError {
  readonly code = 'DUPLICATE_TRANSITION';
  constructor(what: string) {
    super(`The durable store already holds ${what}; a transition cannot be applied twice.`);
  }
}

/**
 * A commit whose events would not follow the last one the store holds for an execution: the
 * commit before it failed, so writing this one would leave a hole in the history.
 */
export class HistoryGapError extends StepwiseError {
  readonly code = 'HISTORY_GAP';
  constructor(
    readonly executionArn: string,
    readonly eventId: number,
    readonly lastStoredId: number,
  ) {
    super(
      `The execution '${executionArn}' cannot record event ${eventId}: the store's last event of it is ${lastStoredId}, and a history has no gaps.`,
    );
  }
}

/** An execution whose history would outgrow what a store can number (far beyond AWS's quota). */
export class HistoryTooLongError extends StepwiseError {
  readonly code = 'HISTORY_TOO_LONG';
  constructor(
    readonly executionArn: string,
    readonly eventId: number,
  ) {
    super(
      `The execution '${executionArn}' cannot record event ${eventId}: a history holds at most 1,048,575 events.`,
    );
  }
}

/** A read of the store that did not answer in time (a poll on a connection that hangs, say). */
export class StoreTimeoutError extends StepwiseError {
  readonly code = 'STORE_TIMEOUT';
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
  ) {
    super(`The durable store did not answer ${operation} within ${timeoutMs} ms.`);
  }
}

/**
 * `recover()` could not resume several executions (each error names its row); the others it took
 * were resumed. One execution alone rejects with its own error.
 */
export class ExecutionsNotResumedError extends StepwiseError {
  readonly code = 'EXECUTIONS_NOT_RESUMED';
  constructor(readonly failures: readonly { readonly executionArn: string; readonly error: unknown }[]) {
    const lines = failures.map(
      ({ executionArn, error }) =>
        `${executionArn}: ${error instanceof Error ? error.message : String(error)}`,
    );
    super(`${failures.length} executions could not be resumed:\n${lines.join('\n')}`, {
      cause: failures[0]?.error,
    });
  }
}

/**
 * A worker that stopped without handing its executions' leases back: the store did not take them
 * (it could not be reached). They run again once the leases expire, wherever a worker claims them.
 */
export class LeasesNotHandedBackError extends StepwiseError {
  readonly code = 'LEASES_NOT_HANDED_BACK';
  constructor(
    readonly executionArns: readonly string[],
    readonly leaseMs: number,
    cause: unknown,
  ) {
    super(
      `The worker stopped, but the store did not take back the leases of ${executionArns.length} executions (${String(cause)}); other workers claim them once the leases expire, within ${leaseMs} ms.`,
      { cause },
    );
  }
}

/**
 * A StopExecution `error` or `cause` that is not a string or is longer than AWS takes (256 and
 * 32,768 characters): AWS's ValidationException. Nothing is stopped.
 */
export class InvalidStopReasonError extends StepwiseError {
  readonly code = 'INVALID_STOP_REASON';
  readonly awsName = 'ValidationException';
  constructor(
    readonly executionArn: string,
    detail: string,
  ) {
    super(`The stop of '${executionArn}' cannot be made: ${detail}`);
  }
}

/** An ARN argument that is not an ARN of the kind it names: AWS's InvalidArn. Nothing is read or written. */
export class InvalidArnError extends StepwiseError {
  readonly code = 'INVALID_ARN';
  readonly awsName = 'InvalidArn';
  constructor(
    readonly argument: string,
    value: unknown,
    expected = 'an ARN (a non-empty string)',
  ) {
    super(`The ${argument} must be ${expected}, not ${describeValue(value)}.`);
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string')
    return value === '' ? 'an empty string' : JSON.stringify(value.slice(0, 300));
  return `a value of type ${Array.isArray(value) ? 'array' : typeof value}`;
}
