import { COMMON_OPTIONS, type Command, type OptionSpec } from '../commands/command';
import type { CommandEntry } from '../commands/registry';
import type { Colors } from '../output/colors';

const EXIT_CODES = [
  '0  success',
  '1  a finding: invalid definition, failed execution, stale artifact, type error',
  '2  a usage error: unknown command or option, missing argument, unreadable file',
];

export function globalHelp(entries: readonly CommandEntry[], version: string, colors: Colors): string {
  const width = Math.max(...entries.map((entry) => entry.name.length));
  return [
    `${colors.bold('stepwise')} ${version}: Amazon States Language workflows, from TypeScript to a local run`,
    '',
    `${colors.bold('Usage:')} stepwise <command> [options]`,
    '',
    colors.bold('Commands:'),
    ...entries.map((entry) => `  ${entry.name.padEnd(width)}  ${entry.summary}`),
    '',
    colors.bold('Options:'),
    '  -h, --help     Show help (also after a command: stepwise validate --help)',
    '  -v, --version  Print the version',
    '',
    colors.bold('Exit codes:'),
    ...EXIT_CODES.map((line) => `  ${line}`),
    '',
    'Colors appear only on a terminal; NO_COLOR=1 or --no-color turns them off.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command, colors: Colors): string {
  const options = Object.entries({ ...command.options, ...COMMON_OPTIONS });
  const labels = options.map(([name, spec]) => optionLabel(name, spec));
  const width = Math.max(...labels.map((label) => label.length));
  return [
    `${colors.bold('Usage:')} ${command.usage}`,
    '',
    command.description ?? command.summary,
    '',
    colors.bold('Options:'),
    ...options.map(([, spec], index) => `  ${(labels[index] ?? '').padEnd(width)}  ${spec.description}`),
    '',
    colors.bold('Examples:'),
    ...command.examples.map((example) => `  ${example}`),
    '',
    colors.bold('Exit codes:'),
    ...EXIT_CODES.map((line) => `  ${line}`),
    '',
  ].join('\n');
}

function optionLabel(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '    ';
  const value = spec.type === 'string' ? ` <${spec.value ?? 'value'}>` : '';
  return `${short}--${name}${value}`;
}
