import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stateMachineSchema } from './state-machine';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const casesDir = path.resolve(repoRoot, '../shared/conformance/cases');

interface ConformanceCase {
  id: string;
  definition: unknown;
}

function loadCases(): ConformanceCase[] {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((area) =>
      readdirSync(path.join(casesDir, area.name))
        .filter((file) => file.endsWith('.json'))
        .map(
          (file) => JSON.parse(readFileSync(path.join(casesDir, area.name, file), 'utf8')) as ConformanceCase,
        ),
    );
}

describe('stateMachineSchema against definitions AWS accepted', () => {
  const cases = loadCases();

  it('finds the whole corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(731);
  });

  it('accepts every definition', () => {
    const failures = cases.flatMap((c) => {
      const result = stateMachineSchema.safeParse(c.definition);
      if (result.success) return [];
      const issues = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
      return [`${c.id}\n${issues}`];
    });
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
