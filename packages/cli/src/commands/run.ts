import { booleanOption, stringOption } from '../cli/args';
import { UsageError } from '../cli/errors';
import { ExitCode } from '../cli/exit-codes';
import { loadWorkflow } from '../input/load-workflows';
import { writeJson } from '../output/write-json';
import type { Command } from './command';
import { reportInvalid } from './report-invalid';

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a workflow locally and show its progress and output',
  usage:
    'stepwise run <workflow.ts | file.asl.json> [--input JSON | --input-file F] [--handlers module] [--json]',
  description:
    'Runs the workflow in this process with @stepwise/runtime. On a terminal, progress appears on stderr as\n' +
    'it happens (states entered and left, retries, a bar per Map state); the output goes to stdout.\n' +
    'Task states call the functions of --handlers: a module whose default export (or export named\n' +
    '"handlers") maps resource ARNs, exact or with * globs, to async functions of the task input.',
  options: {
    input: {
      type: 'string',
      short: 'i',
      value: 'json',
      description: 'Execution input as JSON (default: {})',
    },
    'input-file': { type: 'string', value: 'file', description: 'Read the execution input from a JSON file' },
    handlers: { type: 'string', value: 'module', description: 'JS/TS module exporting the task handlers' },
    'virtual-time': {
      type: 'boolean',
      description: 'Skip Wait states and retry intervals instead of sleeping',
    },
    json: { type: 'boolean', description: 'Print {status, output, error, cause, history} as JSON' },
    export: { type: 'string', value: 'name', description: 'Which workflow, when a module exports several' },
  },
  examples: [
    'stepwise run order.asl.json --input \'{"orderId": "42"}\' --handlers ./handlers.ts',
    'stepwise run src/workflow.ts --input-file input.json --virtual-time',
    'stepwise run order.asl.json --json > run.json && stepwise graph order.asl.json --execution run.json',
  ],
  async run(context) {
    const { io, options, positionals } = context;
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('run needs exactly one workflow file.');
    const { executionInput } = await import('../run/execution-input');
    const input = await executionInput(options, io.cwd);
    const workflow = await loadWorkflow(file, io.cwd, stringOption(options, 'export'));
    if (!reportInvalid(workflow, context)) return ExitCode.Finding;
    const handlersFile = stringOption(options, 'handlers');
    const handlers =
      handlersFile === undefined
        ? undefined
        : await (await import('../run/load-handlers')).loadHandlers(handlersFile, io.cwd);
    const { executeWorkflow } = await import('../run/execute-workflow');
    const report = await executeWorkflow(workflow.definition, {
      input,
      handlers,
      virtualTime: booleanOption(options, 'virtual-time'),
      progress:
        booleanOption(options, 'json') || !io.stderr.isTTY
          ? undefined
          : { stream: io.stderr, colors: context.colors.stderr },
    }).catch((error: unknown) => {
      // An input AWS would refuse at StartExecution (over 256 KiB) is the caller's to fix.
      if ((error as { code?: unknown }).code === 'INVALID_EXECUTION_INPUT') {
        throw new UsageError((error as Error).message);
      }
      throw error;
    });
    if (booleanOption(options, 'json')) writeJson(io.stdout, report);
    else if (report.status === 'SUCCEEDED') writeJson(io.stdout, report.output);
    else {
      const { red } = context.colors.stderr;
      io.stderr.write(`${red(`Execution ${report.status}`)}${report.error ? `: ${report.error}` : ''}\n`);
      if (report.cause) io.stderr.write(`${report.cause}\n`);
    }
    return report.status === 'SUCCEEDED' ? ExitCode.Ok : ExitCode.Finding;
  },
};
