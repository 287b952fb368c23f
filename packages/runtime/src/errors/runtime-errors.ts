import { StepwiseError } from '@stepwise/asl';

/**
 * A failure with an ASL error name, as Retry and Catch see it. Task handlers throw it (usually as
 * {@link TaskFailedError}) to fail a state with a named error.
 */
export class StatesError extends StepwiseError {
  readonly code: string = 'STATES_ERROR';
  /** The ASL error name, e.g. `States.Timeout` or a handler's own name. */
  readonly error: string;
  override readonly cause: string | undefined;

  constructor(error: string, cause?: string) {
    super(cause === undefined ? error : `${error}: ${cause}`);
    this.error = error;
    this.cause = cause;
  }
}

/** Thrown by a task handler to fail its Task state with `error` and `cause`. */
export class TaskFailedError extends StatesError {
  override readonly code: string = 'TASK_FAILED';
}

export interface DefinitionDiagnostic {
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly location?: unknown;
}

/** The definition did not pass validation; nothing was run. */
export class InvalidDefinitionError extends StepwiseError {
  readonly code = 'INVALID_DEFINITION';
  readonly diagnostics: readonly DefinitionDiagnostic[];

  constructor(diagnostics: readonly DefinitionDiagnostic[]) {
    const first = diagnostics[0];
    super(
      `The state machine definition is invalid${first ? `: ${first.message}` : ''}` +
        (diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''),
    );
    this.diagnostics = diagnostics;
  }
}

/** An execution with this name or ARN is already known to the runtime's store. */
export class ExecutionAlreadyExistsError extends StepwiseError {
  readonly code = 'EXECUTION_ALREADY_EXISTS';
  constructor(readonly executionArn: string) {
    super(`An execution with the ARN '${executionArn}' already exists`);
  }
}

/** The runtime was closed: it starts nothing more. */
export class RuntimeClosedError extends StepwiseError {
  readonly code = 'RUNTIME_CLOSED';
  constructor() {
    super('The runtime is closed: it starts no more executions.');
  }
}

/** An execution's input is not JSON, or its JSON is over 256 KiB: AWS refuses to start it. */
export class InvalidExecutionInputError extends StepwiseError {
  readonly code = 'INVALID_EXECUTION_INPUT';
}

/** A write to the runtime's execution store failed: what the store holds of the execution is incomplete. */
export class StoreWriteError extends StepwiseError {
  readonly code = 'STORE_WRITE_FAILED';

  constructor(
    readonly executionArn: string,
    options: { cause: unknown },
  ) {
    super(
      `A write of execution '${executionArn}' to the execution store failed: ${describe(options.cause)}`,
      options,
    );
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an error that cannot be turned into text';
  }
}
