import { booleanOption, stringOption } from '../cli/args';
import { UsageError } from '../cli/errors';
import type { ExitCode } from '../cli/exit-codes';
import type { Command, CommandContext } from './command';

export const compileCommand: Command = {
  name: 'compile',
  summary: 'Compile the workflows a TypeScript project exports into .asl.json files',
  usage: 'stepwise compile [paths...] [--project tsconfig.json] [--out dir] [--check] [--watch]',
  description:
    'Loads the TypeScript project, type-checks the files searched, and finds every exported workflow: an\n' +
    'exported variable (or default export) whose type is the Workflow class of @stepwise/builder, as\n' +
    'workflow({...}).start(...) returns. Other exports typed with builder types are reported as skipped.\n' +
    'Each workflow is evaluated, compiled and validated, then written as <export name>.asl.json, next to\n' +
    'its source file or in --out. Paths narrow the search to files or folders (tests and .d.ts excluded).',
  options: {
    project: {
      type: 'string',
      short: 'p',
      value: 'tsconfig.json',
      description: 'The tsconfig to load (default: ./tsconfig.json if present)',
    },
    out: { type: 'string', short: 'o', value: 'dir', description: 'Write all artifacts to this folder' },
    check: { type: 'boolean', description: 'Write nothing; exit 1 when an artifact is missing or stale' },
    watch: { type: 'boolean', short: 'w', description: 'Compile again whenever a source file changes' },
  },
  examples: [
    'stepwise compile',
    'stepwise compile src/workflows --out dist/asl',
    'stepwise compile --check   # in CI',
  ],
  async run(context) {
    if (booleanOption(context.options, 'check') && booleanOption(context.options, 'watch')) {
      throw new UsageError('--check and --watch do not go together.');
    }
    const options = {
      paths: context.positionals,
      project: stringOption(context.options, 'project'),
      outDir: stringOption(context.options, 'out'),
      check: booleanOption(context.options, 'check'),
    };
    const { runCompile } = await import('../compile/run-compile');
    const first = await runCompile(options, context.io, context.colors.stdout);
    if (!booleanOption(context.options, 'watch')) return first.exitCode;
    return watchForever(first.files, () => runCompile(options, context.io, context.colors.stdout), context);
  },
};

async function watchForever(
  files: string[],
  compile: () => Promise<{ files: string[] }>,
  { io, colors }: CommandContext,
): Promise<ExitCode> {
  const { watchFiles } = await import('../compile/watch-files');
  const announce = () =>
    io.stdout.write(`${colors.stdout.gray('Watching for changes (Ctrl+C to stop)...')}\n`);
  let stop = watchFiles(files, rerun);
  announce();
  let running = false;
  function rerun(): void {
    if (running) return;
    running = true;
    stop();
    io.stdout.write(`${colors.stdout.cyan('Change detected; compiling...')}\n`);
    compile()
      .then((outcome) => {
        stop = watchFiles(outcome.files, rerun);
      })
      .catch((error: unknown) => {
        io.stderr.write(
          `${colors.stderr.red('error')} ${error instanceof Error ? error.message : String(error)}\n`,
        );
        stop = watchFiles(files, rerun);
      })
      .finally(() => {
        running = false;
        announce();
      });
  }
  return new Promise<ExitCode>(() => {});
}
