import type { Project } from 'ts-morph';

let project: Project | undefined;
// The language service keeps snapshots by file name; a fresh name per call keeps them from mixing.
let count = 0;

/**
 * Formats generated TypeScript with the compiler's own formatter (through
 * ts-morph, loaded only here), so that imported code reads like handwritten code.
 */
export async function formatSource(code: string): Promise<string> {
  const { Project, IndentationText, QuoteKind } = await import('ts-morph');
  // One in-memory project serves every call; creating one costs more than formatting a file.
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const file = project.createSourceFile(`workflow${++count}.ts`, code);
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}
