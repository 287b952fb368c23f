import { basename, dirname, join, relative, resolve } from 'node:path';
import { validate } from '@stepwise/asl';
import { WorkflowLoadError } from '../cli/errors';
import { importModule } from '../input/import-module';
import type { FoundWorkflow } from './find-workflows';
import type { SourceFinding } from './source-finding';

/** One `<workflow name>.asl.json` to write, with the text it must hold. */
export interface Artifact {
  path: string;
  displayPath: string;
  text: string;
  workflow: FoundWorkflow;
}

interface CompilableWorkflow {
  compile(): unknown;
  toJSON?: (indent?: number) => string;
}

/**
 * Evaluates each module once (with tsx), compiles its workflows and validates
 * the definitions. Findings point at the workflow's declaration; a failure
 * inside a module points where its stack says, when it says.
 */
export async function buildArtifacts(
  workflows: readonly FoundWorkflow[],
  options: { cwd: string; outDir: string | undefined },
): Promise<{ artifacts: Artifact[]; findings: SourceFinding[]; files: string[] }> {
  const artifacts: Artifact[] = [];
  const findings: SourceFinding[] = [];
  const files = new Set<string>();
  const modules = new Map<string, Promise<Readonly<Record<string, unknown>>>>();
  for (const workflow of workflows) {
    const at = { file: workflow.file, line: workflow.line, column: workflow.column };
    let exports: Readonly<Record<string, unknown>>;
    try {
      if (!modules.has(workflow.modulePath)) {
        modules.set(
          workflow.modulePath,
          importModule(workflow.modulePath, workflow.file).then((loaded) => {
            for (const file of loaded.files) files.add(file);
            return loaded.exports;
          }),
        );
      }
      exports = await modules.get(workflow.modulePath)!;
    } catch (error) {
      findings.push({
        ...at,
        ...stackPlace(error, workflow),
        severity: 'error',
        code: 'MODULE_FAILED',
        message: messageOf(error),
      });
      continue;
    }
    const value = exports[workflow.exportName] as CompilableWorkflow | undefined;
    let definition: unknown;
    let text: string;
    try {
      if (typeof value?.compile !== 'function')
        throw new WorkflowLoadError(`${workflow.exportName} has no compile() at run time.`);
      definition = value.compile();
      text = `${typeof value.toJSON === 'function' ? value.toJSON(2) : JSON.stringify(definition, null, 2)}\n`;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      findings.push({
        ...at,
        severity: 'error',
        code: typeof code === 'string' ? code : 'BUILD_FAILED',
        message: messageOf(error),
      });
      continue;
    }
    const result = validate(definition);
    for (const diagnostic of result.diagnostics) {
      const where = diagnostic.location === '' ? '' : ` (at ${diagnostic.location})`;
      findings.push({
        ...at,
        severity: diagnostic.severity === 'ERROR' ? 'error' : 'warning',
        code: diagnostic.code,
        message: `${workflow.exportName}: ${diagnostic.message}${where}`,
      });
    }
    if (!result.ok) continue;
    const directory =
      options.outDir === undefined ? dirname(workflow.modulePath) : resolve(options.cwd, options.outDir);
    const path = join(directory, `${workflow.exportName}.asl.json`);
    artifacts.push({ path, displayPath: relative(options.cwd, path) || basename(path), text, workflow });
  }
  return { artifacts, findings, files: [...files] };
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Cannot load [^:]*: /, '');
}

/** The line and column of the first stack frame in the workflow's own file, if the stack names it. */
function stackPlace(error: unknown, workflow: FoundWorkflow): { line?: number; column?: number } {
  const cause = (error as { cause?: unknown }).cause;
  const stack = cause instanceof Error ? (cause.stack ?? '') : '';
  const escaped = workflow.modulePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}
