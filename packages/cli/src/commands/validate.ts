import { validate } from '@stepwise/asl';
import { booleanOption } from '../cli/args';
import { UsageError, WorkflowLoadError } from '../cli/errors';
import { ExitCode } from '../cli/exit-codes';
import { formatDiagnostic, formatSummary } from '../diagnostics/format-diagnostics';
import { type LocatedDiagnostic, locateDiagnostic } from '../diagnostics/locate-diagnostic';
import { loadWorkflows } from '../input/load-workflows';
import type { LoadedWorkflow } from '../input/workflow-source';
import { JsonSyntaxError } from '../json/json-syntax-error';
import { writeJson } from '../output/write-json';
import type { Command, CommandContext } from './command';

/** What `validate --json` prints for one workflow. */
export interface ValidationReport {
  file: string;
  workflow?: string;
  ok: boolean;
  diagnostics: LocatedDiagnostic[];
  /** The file's text, kept for code frames; not part of the JSON output. */
  text?: string;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check ASL definitions and report findings with line, column and a code frame',
  usage: 'stepwise validate <file.asl.json | workflow.ts>... [--json]',
  description:
    'Validates each definition as AWS does before creating a state machine. A JSON file is one definition;\n' +
    'a TypeScript or JavaScript module contributes every workflow it exports. Warnings do not fail.',
  options: {
    json: {
      type: 'boolean',
      description: 'Print {ok, results: [{file, workflow, ok, diagnostics}]} as JSON',
    },
  },
  examples: [
    'stepwise validate order.asl.json',
    'stepwise validate workflows/*.asl.json --json',
    'stepwise validate src/order-workflow.ts',
  ],
  async run(context) {
    if (context.positionals.length === 0) throw new UsageError('validate needs at least one file.');
    const reports: ValidationReport[] = [];
    for (const file of context.positionals) reports.push(...(await validateFile(file, context.io.cwd)));
    return printReports(reports, context);
  },
};

export async function validateFile(file: string, cwd: string): Promise<ValidationReport[]> {
  let workflows: LoadedWorkflow[];
  try {
    workflows = await loadWorkflows(file, cwd);
  } catch (error) {
    if (error instanceof JsonSyntaxError || error instanceof WorkflowLoadError)
      return [failedLoad(file, error)];
    throw error;
  }
  return workflows.map((workflow) => {
    const result = validate(workflow.definition);
    const diagnostics = result.diagnostics.map((d) => locateDiagnostic(d, workflow.origin));
    const text = workflow.origin.kind === 'json' ? workflow.origin.text : undefined;
    const report: ValidationReport = {
      file,
      ok: result.ok,
      diagnostics,
      ...(text === undefined ? {} : { text }),
    };
    return workflow.origin.kind === 'module' ? { ...report, workflow: workflow.name } : report;
  });
}

function failedLoad(file: string, error: JsonSyntaxError | WorkflowLoadError): ValidationReport {
  const place =
    error instanceof JsonSyntaxError ? { line: error.position.line, column: error.position.column } : {};
  const diagnostic = {
    file,
    severity: 'ERROR' as const,
    code: error.code,
    message: error.message,
    location: '',
    ...place,
  };
  const text = error instanceof JsonSyntaxError ? { text: error.text } : {};
  return { file, ok: false, diagnostics: [diagnostic], ...text };
}

function printReports(
  reports: readonly ValidationReport[],
  { io, options, colors }: CommandContext,
): ExitCode {
  const ok = reports.every((report) => report.ok);
  if (booleanOption(options, 'json')) {
    writeJson(io.stdout, { ok, results: reports.map(({ text: _text, ...report }) => report) });
  } else {
    for (const report of reports) {
      for (const diagnostic of report.diagnostics) {
        io.stdout.write(`${formatDiagnostic(diagnostic, report.text, colors.stdout)}\n`);
      }
    }
    const all = reports.flatMap((report) => report.diagnostics);
    io.stdout.write(`${formatSummary(all, new Set(reports.map((r) => r.file)).size, colors.stdout)}\n`);
  }
  return ok ? ExitCode.Ok : ExitCode.Finding;
}
