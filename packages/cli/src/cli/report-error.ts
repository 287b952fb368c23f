import { JsonSyntaxError } from '../json/json-syntax-error';
import type { Colors } from '../output/colors';
import { CliError } from './errors';
import { ExitCode } from './exit-codes';
import type { CliIo } from './io';

/**
 * Turns any error into one message on stderr and an exit code. Expected
 * errors never show a stack; an unexpected one shows it only with
 * STEPWISE_DEBUG=1, because it is a bug to report rather than something to act on.
 */
export function reportError(error: unknown, io: CliIo, colors: Colors): ExitCode {
  if (error instanceof JsonSyntaxError) {
    io.stderr.write(`${colors.red('error')} ${error.located}\n`);
    return ExitCode.Finding;
  }
  if (error instanceof CliError) {
    io.stderr.write(`${colors.red('error')} ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${colors.red('error')} unexpected: ${message}\n`);
  if (io.env.STEPWISE_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.Finding;
}
