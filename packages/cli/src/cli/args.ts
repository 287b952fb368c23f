import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, type Command, type OptionValues } from '../commands/command';
import { UsageError } from './errors';

export interface ParsedCommandLine {
  options: OptionValues;
  positionals: string[];
}

/** Parses a command's arguments strictly: an unknown option is a usage error, not something to ignore. */
export function parseCommandLine(
  command: Pick<Command, 'name' | 'options'>,
  argv: readonly string[],
): ParsedCommandLine {
  const specs = { ...COMMON_OPTIONS, ...command.options };
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? { short: spec.short } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { options: values, positionals };
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new UsageError(`${message}\nRun "stepwise ${command.name} --help" for the options.`);
  }
}

export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanOption(options: OptionValues, name: string): boolean {
  return options[name] === true;
}

/** The value of an option that takes one of a few words, e.g. `--format mermaid|dot|svg`. */
export function choiceOption<T extends string>(
  options: OptionValues,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = stringOption(options, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got "${value}".`);
  }
  return value as T;
}
