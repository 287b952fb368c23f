import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The exports of a TypeScript module that are builder workflows by type, the
 * way `compile` finds them, when the module belongs to a TypeScript project
 * (the nearest tsconfig.json above it includes it). `undefined` when it does
 * not: the caller then recognizes workflows by their shape at run time.
 */
export async function typedWorkflowExports(path: string): Promise<Set<string> | undefined> {
  if (!/\.[mc]?ts$/.test(path)) return undefined;
  const tsconfig = nearestTsconfig(dirname(path));
  if (tsconfig === undefined) return undefined;
  const [{ Project }, { workflowExportNames }] = await Promise.all([
    import('ts-morph'),
    import('../compile/find-workflows'),
  ]);
  try {
    const project = new Project({ tsConfigFilePath: tsconfig });
    const file = project.getSourceFile(path);
    return file ? new Set(workflowExportNames(file)) : undefined;
  } catch {
    // A tsconfig ts-morph cannot load says nothing about the module; matching at run time still works.
    return undefined;
  }
}

function nearestTsconfig(directory: string): string | undefined {
  const candidate = join(directory, 'tsconfig.json');
  if (existsSync(candidate)) return candidate;
  const parent = dirname(directory);
  return parent === directory ? undefined : nearestTsconfig(parent);
}
