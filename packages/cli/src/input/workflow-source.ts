import type { ValueLocation } from '../json/parse-located-json';

/** Where a definition came from, so that findings can point back into it. */
export type DefinitionOrigin =
  | { kind: 'json'; file: string; text: string; locations: ReadonlyMap<string, ValueLocation> }
  | { kind: 'module'; file: string; exportName: string };

/** One workflow read from the command line: its name, its ASL and its origin. */
export interface LoadedWorkflow {
  name: string;
  definition: unknown;
  origin: DefinitionOrigin;
}

const MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs'];

export function isModuleFile(file: string): boolean {
  return MODULE_EXTENSIONS.some((extension) => file.endsWith(extension)) && !file.endsWith('.d.ts');
}

/** "order.asl.json" and "order.json" both name the workflow "order". */
export function workflowNameOfFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.asl\.json$|\.json$/i, '');
}
