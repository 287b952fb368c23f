import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputFileError, UsageError, WorkflowLoadError } from '../cli/errors';
import { importModule } from './import-module';
import { readJsonWorkflow } from './read-json-workflow';
import { recognizeWorkflow } from './recognize-workflow';
import { typedWorkflowExports } from './typed-exports';
import { isModuleFile, type LoadedWorkflow } from './workflow-source';

/**
 * Every workflow in a file: the one definition of a JSON file, or each workflow a module exports.
 * `byType: false` skips finding them by type, which loads the whole TypeScript project.
 */
export async function loadWorkflows(
  file: string,
  cwd: string,
  { byType = true }: { byType?: boolean } = {},
): Promise<LoadedWorkflow[]> {
  const path = resolve(cwd, file);
  if (!isModuleFile(file)) return [await readJsonWorkflow(path, file)];
  await assertFile(path, file);
  // Found by type first, as `compile` finds them; the module is evaluated either way.
  const [typed, { exports }] = await Promise.all([
    byType ? typedWorkflowExports(path) : undefined,
    importModule(path, file),
  ]);
  const workflows: LoadedWorkflow[] = [];
  const seen = new Set<unknown>();
  for (const [exportName, value] of Object.entries(exports)) {
    const recognized = recognizeWorkflow(value);
    // `export default order` next to `export const order` is one workflow.
    if (!recognized || seen.has(value)) continue;
    // In a TypeScript project a builder workflow counts only when its type says so; plain definitions have no such type.
    if (typed && recognized.kind !== 'asl' && !typed.has(exportName)) continue;
    seen.add(value);
    const definition =
      recognized.kind === 'asl' ? recognized.definition : buildAsl(recognized.compile, file, exportName);
    workflows.push({ name: exportName, definition, origin: { kind: 'module', file, exportName } });
  }
  if (workflows.length === 0) throw new WorkflowLoadError(`${file} exports no workflow.`);
  return workflows;
}

/** The one workflow a command works on; `exportName` picks among several. */
export async function loadWorkflow(file: string, cwd: string, exportName?: string): Promise<LoadedWorkflow> {
  // An export named on the command line is taken at its word, without loading the project's types.
  const workflows = await loadWorkflows(file, cwd, { byType: exportName === undefined });
  if (exportName !== undefined) {
    const chosen = workflows.find((workflow) => workflow.name === exportName);
    if (!chosen) throw new UsageError(`${file} exports no workflow named "${exportName}".`);
    return chosen;
  }
  const [only, ...others] = workflows;
  if (!only) throw new WorkflowLoadError(`${file} holds no workflow.`);
  if (others.length > 0) {
    const names = workflows.map((workflow) => workflow.name).join(', ');
    throw new UsageError(`${file} exports several workflows (${names}); choose one with --export <name>.`);
  }
  return only;
}

function buildAsl(compile: () => unknown, file: string, exportName: string): unknown {
  try {
    return compile();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new WorkflowLoadError(`${file}: workflow "${exportName}" does not compile: ${message}`, {
      cause: error,
    });
  }
}

async function assertFile(path: string, displayName: string): Promise<void> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats?.isFile()) throw new InputFileError(`Cannot read ${displayName}: no such file.`);
}
