import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Project, SourceFile, ts } from 'ts-morph';
import { InputFileError } from '../cli/errors';
import { optionFinding } from './option-finding';
import type { SourceFinding } from './source-finding';

export interface LoadedProject {
  project: Project;
  /** The TypeScript API of the ts-morph that loaded the project. */
  typescript: typeof ts;
  /** The files to look for workflows in: the given paths, or every file of the project. */
  files: SourceFile[];
  /** The tsconfig the project was loaded from, if any (absolute). */
  configFile?: string;
}

/**
 * Loads the user's TypeScript project with ts-morph: `--project`, else
 * ./tsconfig.json when there is one, else default options. Paths on the
 * command line narrow the files searched (and are added when the tsconfig
 * does not include them).
 */
export async function loadProject(
  cwd: string,
  paths: readonly string[],
  tsconfig: string | undefined,
): Promise<LoadedProject> {
  const { Project, ts: typescript } = await import('ts-morph');
  const configPath = tsconfig === undefined ? resolve(cwd, 'tsconfig.json') : resolve(cwd, tsconfig);
  if (tsconfig !== undefined && !existsSync(configPath))
    throw new InputFileError(`Cannot read ${tsconfig}: no such file.`);
  const named = tsconfig ?? 'tsconfig.json';
  if (existsSync(configPath) && statSync(configPath).isDirectory())
    throw new InputFileError(`Cannot read ${named}: it is a directory; give the tsconfig file.`);
  const project = existsSync(configPath)
    ? openProject(() => new Project({ tsConfigFilePath: configPath }), named)
    : new Project({
        compilerOptions: {
          strict: true,
          target: typescript.ScriptTarget.ES2022,
          module: typescript.ModuleKind.ESNext,
          moduleResolution: typescript.ModuleResolutionKind.Bundler,
        },
      });
  const configFile = existsSync(configPath) ? configPath : undefined;
  if (paths.length === 0) {
    return {
      project,
      typescript,
      files: project.getSourceFiles().filter((file) => isWorkflowCandidate(file.getFilePath())),
      configFile,
    };
  }
  const files: SourceFile[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (!stats) throw new InputFileError(`Cannot read ${path}: no such file or directory.`);
    const matching = stats.isDirectory()
      ? project.addSourceFilesAtPaths([`${absolute}/**/*.{ts,mts,cts}`, `!${absolute}/**/node_modules/**`])
      : [project.addSourceFileAtPath(absolute)];
    files.push(...matching.filter((file) => isWorkflowCandidate(file.getFilePath())));
  }
  project.resolveSourceFileDependencies();
  return { project, typescript, files: [...new Set(files)], configFile };
}

/** Declarations and tests define no workflows to compile. */
function isWorkflowCandidate(path: string): boolean {
  return (
    !/\.d\.[mc]?ts$/.test(path) && !/\.(test|spec)\.[mc]?tsx?$/.test(path) && !path.includes('/node_modules/')
  );
}

/** TypeScript's errors in the searched files, as findings; compilation stops on any. */
export function typeErrors(loaded: LoadedProject, cwd: string): SourceFinding[] {
  const findings: SourceFinding[] = [];
  // Every file's diagnostics repeat those of the options: each is kept once, at the tsconfig.
  const options = new Map<string, SourceFinding>();
  const searched = new Set(loaded.files.map((file) => file.getFilePath()));
  for (const file of loaded.files) {
    for (const diagnostic of file.getPreEmitDiagnostics()) {
      if (diagnostic.getCategory() !== loaded.typescript.DiagnosticCategory.Error) continue;
      const text = diagnostic.getMessageText();
      const message = typeof text === 'string' ? text : text.getMessageText();
      const source = diagnostic.getSourceFile();
      if (source === undefined) {
        const finding = optionFinding(loaded.configFile, cwd, diagnostic.getCode(), message);
        options.set(`${finding.code} ${message}`, finding);
        continue;
      }
      // Errors inside dependencies are the dependencies' business; only the searched files must type-check.
      if (!searched.has(source.getFilePath())) continue;
      const { line, column } = source.getLineAndColumnAtPos(diagnostic.getStart() ?? 0);
      findings.push({
        file: relative(cwd, source.getFilePath()),
        line,
        column,
        severity: 'error',
        code: `TS${diagnostic.getCode()}`,
        message,
      });
    }
  }
  return [...options.values(), ...findings];
}

/** ts-morph reports a tsconfig it cannot read with the compiler's own message: say which file. */
function openProject(open: () => Project, tsconfig: string): Project {
  try {
    return open();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputFileError(`Cannot read ${tsconfig}: ${reason}`);
  }
}
