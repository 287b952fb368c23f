import { findCommand } from '../commands/registry';
import type { Colors } from '../output/colors';
import { booleanOption, parseCommandLine } from './args';
import { UsageError } from './errors';
import { ExitCode } from './exit-codes';
import { commandHelp } from './help';
import type { CliIo } from './io';
import { reportError } from './report-error';

/** Finds the command, parses its options and runs it; every error ends here as a message and an exit code. */
export async function dispatch(
  first: string,
  rest: readonly string[],
  io: CliIo,
  colors: { stdout: Colors; stderr: Colors },
): Promise<ExitCode> {
  try {
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = findCommand(rest[0] ?? '');
      if (topic === undefined) throw unknownCommand(rest[0] ?? '');
      io.stdout.write(commandHelp(await topic.load(), colors.stdout));
      return ExitCode.Ok;
    }
    const entry = findCommand(first);
    if (!entry) throw unknownCommand(first);
    const command = await entry.load();
    const { options, positionals } = parseCommandLine(command, rest);
    if (booleanOption(options, 'help')) {
      io.stdout.write(commandHelp(command, colors.stdout));
      return ExitCode.Ok;
    }
    return await command.run({ io, options, positionals, colors });
  } catch (error) {
    return reportError(error, io, colors.stderr);
  }
}

function unknownCommand(name: string): UsageError {
  const hint = name.startsWith('-') ? 'Unknown option' : 'Unknown command';
  return new UsageError(`${hint} "${name}". Run "stepwise --help" for the commands.`);
}
