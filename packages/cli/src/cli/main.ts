import { COMMANDS } from '../commands/registry';
import { colorsEnabled, createColors } from '../output/colors';
import { ExitCode } from './exit-codes';
import { globalHelp } from './help';
import type { CliIo } from './io';
import { CLI_VERSION } from './version';

/**
 * Runs `stepwise <argv...>` and answers the exit code; it never exits the
 * process itself. `--version` and the overall help load nothing else, so
 * that they start as fast as Node does; everything else goes through
 * `dispatch`, loaded on demand.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const noColor = argv.includes('--no-color');
  const colors = {
    stdout: createColors(colorsEnabled(io.stdout, io.env, noColor)),
    stderr: createColors(colorsEnabled(io.stderr, io.env, noColor)),
  };
  const [first, ...rest] = argv.filter((arg, index) => index > 0 || arg !== '--no-color');
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return ExitCode.Ok;
  }
  if (first === undefined) {
    io.stderr.write(globalHelp(COMMANDS, CLI_VERSION, colors.stderr));
    return ExitCode.Usage;
  }
  if ((first === '--help' || first === '-h' || first === 'help') && rest.length === 0) {
    io.stdout.write(globalHelp(COMMANDS, CLI_VERSION, colors.stdout));
    return ExitCode.Ok;
  }
  const { dispatch } = await import('./dispatch');
  return dispatch(first, rest, io, colors);
}
