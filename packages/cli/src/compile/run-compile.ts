import { ExitCode } from '../cli/exit-codes';
import type { CliIo } from '../cli/io';
import type { Colors } from '../output/colors';
import { buildArtifacts } from './build-artifacts';
import { findWorkflows } from './find-workflows';
import { loadProject, typeErrors } from './load-project';
import { formatFinding, type SourceFinding } from './source-finding';
import { syncArtifacts } from './write-artifacts';

export interface CompileOptions {
  paths: readonly string[];
  project: string | undefined;
  outDir: string | undefined;
  check: boolean;
}

export interface CompileOutcome {
  exitCode: ExitCode;
  /** Every file the compiled workflows were read from, for a watcher. */
  files: string[];
}

/** One compilation: type-check, find, evaluate, validate, then write (or check) the artifacts. */
export async function runCompile(
  options: CompileOptions,
  io: CliIo,
  colors: Colors,
): Promise<CompileOutcome> {
  const print = (finding: SourceFinding) => io.stdout.write(`${formatFinding(finding, paintFor(colors))}\n`);
  const loaded = await loadProject(io.cwd, options.paths, options.project);
  const watched = loaded.files.map((file) => file.getFilePath());
  const errors = typeErrors(loaded, io.cwd);
  if (errors.length > 0) {
    errors.forEach(print);
    io.stdout.write(
      `${colors.red(`Found ${errors.length} type ${errors.length === 1 ? 'error' : 'errors'}; nothing written.`)}\n`,
    );
    return { exitCode: ExitCode.Finding, files: watched };
  }
  const { workflows, skipped } = findWorkflows(loaded.files, io.cwd);
  skipped.forEach(print);
  const { artifacts, findings, files } = await buildArtifacts(workflows, {
    cwd: io.cwd,
    outDir: options.outDir,
  });
  findings.forEach(print);
  const clash = artifacts.find(
    (artifact, index) => artifacts.findIndex((other) => other.path === artifact.path) !== index,
  );
  if (clash) {
    io.stdout.write(
      `${colors.red('error')} two workflows named ${clash.workflow.exportName} would both write ${clash.displayPath}\n`,
    );
    return { exitCode: ExitCode.Finding, files: [...watched, ...files] };
  }
  const states = await syncArtifacts(artifacts, options.check);
  for (const [artifact, state] of states) {
    const from = colors.gray(
      `(${artifact.workflow.exportName} from ${artifact.workflow.file}:${artifact.workflow.line})`,
    );
    const label = {
      written: colors.green('wrote'),
      unchanged: colors.gray('up to date'),
      missing: colors.red('missing'),
      stale: colors.red('stale'),
    }[state];
    io.stdout.write(`${label} ${artifact.displayPath} ${from}\n`);
  }
  const failed = findings.some((finding) => finding.severity === 'error');
  const outdated = [...states.values()].filter((state) => state === 'missing' || state === 'stale').length;
  if (workflows.length === 0) io.stdout.write(`${colors.yellow('No exported workflow found.')}\n`);
  else if (outdated > 0)
    io.stdout.write(
      `${colors.red(`${outdated} of ${artifacts.length} artifacts missing or stale; run stepwise compile.`)}\n`,
    );
  return { exitCode: failed || outdated > 0 ? ExitCode.Finding : ExitCode.Ok, files: [...watched, ...files] };
}

function paintFor(colors: Colors) {
  return (severity: string) => (severity === 'error' ? colors.red(severity) : colors.yellow(severity));
}
