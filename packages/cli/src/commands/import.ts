import { stringOption } from '../cli/args';
import { UsageError } from '../cli/errors';
import { ExitCode } from '../cli/exit-codes';
import { loadWorkflow } from '../input/load-workflows';
import { writeOutput } from '../output/write-output';
import type { Command } from './command';
import { reportInvalid } from './report-invalid';

export const importCommand: Command = {
  name: 'import',
  summary: 'Turn an ASL definition into TypeScript builder code',
  usage: 'stepwise import <file.asl.json> [--out file.ts] [--name exportName]',
  description:
    'Generates TypeScript that builds the same definition with @stepwise/builder: typed states where the\n' +
    'builder has an equivalent for every field, raw() for the others (listed on stderr). The input schema\n' +
    'is inferred from the paths the definition reads, every field optional. Compiling the result gives back\n' +
    'the original definition. An invalid definition is refused with its findings, as validate shows them, and\n' +
    'one the builder cannot express with the reason (exit 1 for both).',
  options: {
    out: { type: 'string', short: 'o', value: 'file.ts', description: 'Write to a file instead of stdout' },
    name: {
      type: 'string',
      value: 'identifier',
      description: 'Name of the exported workflow (default: from the file name)',
    },
  },
  examples: [
    'stepwise import order.asl.json --out src/order.ts',
    'stepwise import legacy.asl.json > legacy.ts',
  ],
  async run(context) {
    const { io, options, positionals, colors } = context;
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new UsageError('import needs exactly one .asl.json file.');
    const workflow = await loadWorkflow(file, io.cwd);
    if (!reportInvalid(workflow, context)) return ExitCode.Finding;
    const exportName = stringOption(options, 'name') ?? exportNameOf(workflow.name);
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(exportName) || RESERVED_WORDS.has(exportName))
      throw new UsageError(`--name must be an identifier that is not a reserved word; got "${exportName}".`);
    const { importDefinition } = await import('../import/import-definition');
    const { source, rawStates } = await importDefinition(workflow.definition, exportName);
    await writeOutput(io, source, stringOption(options, 'out'));
    if (rawStates.length > 0) {
      const list = rawStates.map((name) => `"${name}"`).join(', ');
      io.stderr.write(
        `${colors.stderr.yellow('note')} written with raw(), the builder has no typed form for their fields: ${list}\n`,
      );
    }
    return ExitCode.Ok;
  },
};

/** "order-processing" becomes `orderProcessing`. */
function exportNameOf(fileName: string): string {
  const words = fileName
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const name = words
    .map(
      (word, index) =>
        (index === 0 ? word.charAt(0).toLowerCase() : word.charAt(0).toUpperCase()) + word.slice(1),
    )
    .join('');
  if (!/^[A-Za-z_]/.test(name)) return `workflow${name}`;
  return RESERVED_WORDS.has(name) ? `${name}Workflow` : name;
}

/** Words that cannot name a `const` in a module. */
const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if implements import in instanceof interface let new null package ' +
    'private protected public return static super switch this throw true try typeof var void while ' +
    'with yield arguments eval'
  ).split(' '),
);
