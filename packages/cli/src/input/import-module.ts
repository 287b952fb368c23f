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
    return { exports: namespace as Record<string, unknown>, files };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new WorkflowLoadError(`Cannot load ${displayName}: ${message}`, { cause: error });
  }
}
