import { StepwiseError } from '@stepwise/asl';
import { ExitCode } from './exit-codes';

/** An error the CLI reports as one line, with the exit code it stands for; never a stack trace. */
export abstract class CliError extends StepwiseError {
  abstract readonly exitCode: ExitCode;
}

/** The command line is wrong: the user needs to change how they call the command. */
export class UsageError extends CliError {
  readonly code = 'CLI_USAGE';
  readonly exitCode = ExitCode.Usage;
}

/** A file named on the command line cannot be read. */
export class InputFileError extends CliError {
  readonly code = 'CLI_INPUT_FILE';
  readonly exitCode = ExitCode.Usage;
}

/** The input was read but holds no usable workflow (bad JSON, no exported workflow, a module that throws). */
export class WorkflowLoadError extends CliError {
  readonly code = 'CLI_WORKFLOW_LOAD';
  readonly exitCode = ExitCode.Finding;
}
