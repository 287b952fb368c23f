import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The definitions of the shared conformance corpus, all accepted by AWS.
 * Read in place from the checkout next to the repository; used by tests and
 * tools only.
 */
export interface CorpusDefinition {
  id: string;
  definition: unknown;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CORPUS_DIR = path.resolve(repoRoot, '../shared/conformance/cases');

export function loadCorpusDefinitions(dir: string = CORPUS_DIR): CorpusDefinition[] {
  if (!fs.existsSync(dir)) return [];
  const definitions: CorpusDefinition[] = [];
  for (const area of fs.readdirSync(dir).sort()) {
    const areaDir = path.join(dir, area);
    if (!fs.statSync(areaDir).isDirectory()) continue;
    for (const file of fs.readdirSync(areaDir).sort()) {
      if (!file.endsWith('.json')) continue;
      const testCase = JSON.parse(fs.readFileSync(path.join(areaDir, file), 'utf8')) as {
        id?: string;
        definition: unknown;
      };
      definitions.push({ id: testCase.id ?? `${area}/${file}`, definition: testCase.definition });
    }
  }
  return definitions;
}
