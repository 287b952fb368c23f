import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { InputFileError } from '../cli/errors';
import type { Artifact } from './build-artifacts';

export type ArtifactState = 'written' | 'unchanged' | 'missing' | 'stale';

/** Writes each artifact whose text changed; with `check`, writes nothing and tells which are missing or stale. */
export async function syncArtifacts(
  artifacts: readonly Artifact[],
  check: boolean,
): Promise<Map<Artifact, ArtifactState>> {
  const states = new Map<Artifact, ArtifactState>();
  for (const artifact of artifacts) {
    const current = await readFile(artifact.path, 'utf8').catch(() => undefined);
    if (current === artifact.text) states.set(artifact, 'unchanged');
    else if (check) states.set(artifact, current === undefined ? 'missing' : 'stale');
    else {
      await write(artifact);
      states.set(artifact, 'written');
    }
  }
  return states;
}

async function write(artifact: Artifact): Promise<void> {
  try {
    await mkdir(dirname(artifact.path), { recursive: true });
    await writeFile(artifact.path, artifact.text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file stands where its folder should be'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'a folder stands where the file should be'
            : String(code ?? error);
    throw new InputFileError(
      `Cannot write ${relative(process.cwd(), artifact.path) || artifact.path}: ${reason}.`,
    );
  }
}
