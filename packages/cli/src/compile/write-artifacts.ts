import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
      await mkdir(dirname(artifact.path), { recursive: true });
      await writeFile(artifact.path, artifact.text);
      states.set(artifact, 'written');
    }
  }
  return states;
}
