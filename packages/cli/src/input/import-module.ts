import { pathToFileURL } from 'node:url';
import { WorkflowLoadError } from '../cli/errors';

export interface ImportedModule {
  exports: Readonly<Record<string, unknown>>;
  /** Files the module pulled in, so that a watcher knows what to watch. */
  files: string[];
}

/**
 * Evaluates a user's TypeScript or JavaScript module. TypeScript goes through
 * tsx's loader, loaded only here; every call gets a fresh module graph, so a
 * changed file is seen on the next call.
 */
export async function importModule(file: string, displayName: string): Promise<ImportedModule> {
  const files: string[] = [];
  const url = pathToFileURL(file).href;
  try {
    const { tsImport } = await import('tsx/esm/api');
    const namespace: unknown = await tsImport(url, {
      parentURL: url,
      onImport: (imported) => {
        if (imported.startsWith('file:') && !imported.includes('/node_modules/')) files.push(imported);
      },
    });
    return { exports: esModuleView(namespace as Record<string, unknown>), files };
  } catch (error) {
    throw new WorkflowLoadError(`Cannot load ${displayName}: ${headline(error)}`, { cause: error });
  }
}

/**
 * The exports as the module wrote them. A TypeScript file of a CommonJS project (no
 * `"type": "module"`) is compiled to CommonJS, and importing it puts all of `module.exports`
 * under `default`, marked `__esModule`: its own `export default` then sits at `default.default`.
 */
function esModuleView(namespace: Record<string, unknown>): Record<string, unknown> {
  const inner = namespace.default as { __esModule?: unknown } | null | undefined;
  if (typeof inner !== 'object' || inner === null || inner.__esModule !== true) return namespace;
  const view: Record<string, unknown> = { ...namespace };
  delete view.default;
  for (const [name, value] of Object.entries(inner)) view[name] = value;
  return view;
}

/**
 * The part of a load error worth a line: its first line, and while a line only announces what
 * follows ("Transform failed with 1 error:"), the next one, which says where and why.
 */
function headline(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').filter((l) => l.trim());
  const kept: string[] = [];
  for (const line of lines.slice(0, 3)) {
    kept.push(line.trim());
    if (!line.trimEnd().endsWith(':')) break;
  }
  return kept.join(' ');
}
