import { CliError } from '../cli/errors';
import { ExitCode } from '../cli/exit-codes';

/** The definition uses something the builder cannot express exactly, even with `raw()`. */
export class ImportUnsupportedError extends CliError {
  readonly code = 'IMPORT_UNSUPPORTED';
  readonly exitCode = ExitCode.Finding;
}
