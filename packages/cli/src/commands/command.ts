import type { ExitCode } from '../cli/exit-codes';
import type { CliIo } from '../cli/io';
import type { Colors } from '../output/colors';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The placeholder shown in help, e.g. "file" in `--out <file>`. */
  value?: string;
  description: string;
}

export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

export interface CommandContext {
  io: CliIo;
  options: OptionValues;
  positionals: readonly string[];
  /** Colors for stdout and stderr, each decided by its own stream. */
  colors: { stdout: Colors; stderr: Colors };
}

/** A subcommand: what `--help` shows about it, and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  description?: string;
  options: Readonly<Record<string, OptionSpec>>;
  examples: readonly string[];
  run(context: CommandContext): Promise<ExitCode>;
}

/** The options every command accepts besides its own. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
  'no-color': { type: 'boolean', description: 'Never color the output (as does NO_COLOR=1)' },
};
