import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Node, SourceFile, Type } from 'ts-morph';
import type { SourceFinding } from './source-finding';

/** An exported workflow found by its type, to be evaluated and compiled. */
export interface FoundWorkflow {
  /** Absolute path of the module that declares it. */
  modulePath: string;
  /** The name the declaring module exports it under. */
  exportName: string;
  file: string;
  line: number;
  column: number;
}

const BUILDER = '@stepwise/builder';

/**
 * Finds the workflows among the exports of the given files. A workflow is an
 * exported variable (or `export default` expression) whose type is the
 * builder's `Workflow` class, that is, the value `workflow({...}).start(...)`
 * returns; "the builder's" means declared in the package named
 * @stepwise/builder. Any other export typed with a builder type (a chain, a
 * function returning a workflow) is reported as skipped, with its place.
 */
export function findWorkflows(
  files: readonly SourceFile[],
  cwd: string,
): { workflows: FoundWorkflow[]; skipped: SourceFinding[] } {
  const workflows: FoundWorkflow[] = [];
  const skipped: SourceFinding[] = [];
  const seen = new Set<Node>();
  for (const file of files) {
    for (const [exportedAs, declarations] of file.getExportedDeclarations()) {
      for (const declaration of declarations) {
        // A re-export is found where it is declared; the same workflow is compiled once.
        if (seen.has(declaration) || declaration.getSourceFile() !== file) continue;
        seen.add(declaration);
        const place = placeOf(declaration, cwd);
        const type = declaration.getType();
        if (isBuilderType(type, 'Workflow')) {
          workflows.push({ modulePath: file.getFilePath(), exportName: exportedAs, ...place });
        } else if (returnsWorkflow(type)) {
          skipped.push({
            ...place,
            severity: 'skipped',
            code: 'NOT_A_WORKFLOW',
            message: `${exportedAs} is a function that returns a workflow; export the workflow it returns.`,
          });
        } else if (isBuilderType(type)) {
          skipped.push({
            ...place,
            severity: 'skipped',
            code: 'NOT_A_WORKFLOW',
            message: `${exportedAs} is a ${type.getSymbol()?.getName()}, not a workflow; pass it to workflow({...}).start(...).`,
          });
        }
      }
    }
  }
  return { workflows, skipped };
}

/** The names under which a file exports a builder `Workflow`, re-exports included. */
export function workflowExportNames(file: SourceFile): string[] {
  return [...file.getExportedDeclarations()]
    .filter(([, declarations]) => declarations.some((node) => isBuilderType(node.getType(), 'Workflow')))
    .map(([name]) => name);
}

function placeOf(node: Node, cwd: string) {
  const file = node.getSourceFile();
  const { line, column } = file.getLineAndColumnAtPos(node.getStart());
  return { file: relative(cwd, file.getFilePath()), line, column };
}

function returnsWorkflow(type: Type): boolean {
  return type.getCallSignatures().some((signature) => isBuilderType(signature.getReturnType(), 'Workflow'));
}

function isBuilderType(type: Type, name?: string): boolean {
  const symbol = type.getSymbol() ?? type.getAliasSymbol();
  if (!symbol || (name !== undefined && symbol.getName() !== name)) return false;
  return symbol
    .getDeclarations()
    .some((declaration) => packageNameOf(declaration.getSourceFile().getFilePath()) === BUILDER);
}

const packageNames = new Map<string, string | undefined>();

/** The name in the nearest package.json above a file, so that both a build and the sources of the builder count. */
function packageNameOf(path: string): string | undefined {
  const directory = dirname(path);
  if (packageNames.has(directory)) return packageNames.get(directory);
  const manifest = join(directory, 'package.json');
  let name: string | undefined;
  if (existsSync(manifest)) name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  else if (dirname(directory) !== directory) name = packageNameOf(directory);
  packageNames.set(directory, name);
  return name;
}
