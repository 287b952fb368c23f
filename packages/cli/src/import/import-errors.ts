import type { Diagnostic } from '@stepwise/asl';
import { CliError } from '../cli/errors';
import { ExitCode } from '../cli/exit-codes';

/** The definition uses something the builder cannot express exactly, even with `raw()`. */
export class ImportUnsupportedError extends CliError {
  readonly code = 'IMPORT_UNSUPPORTED';
  readonly exitCode = ExitCode.Finding;
}

/**
 * The definition is not valid ASL, so there is nothing faithful to write: code generated from it
 * would compile to something AWS refuses. Its errors say where and why, as `validate` reports them.
 */
export class ImportInvalidDefinitionError extends CliError {
  readonly code = 'IMPORT_INVALID_DEFINITION';
  readonly exitCode = ExitCode.Finding;

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const [first] = diagnostics;
    const where = first ? ` At ${first.location || 'the root'}: ${first.message}` : '';
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
    super(`The definition is not valid ASL.${where}${more}`);
  }
}
