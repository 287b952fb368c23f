import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePayloadTemplate } from './compile-payload-template';

/**
 * Recorded AWS executions whose whole definition is one Pass state with
 * Parameters: the state's output is exactly the evaluated template, so these
 * cases check templates, paths and intrinsic calls against AWS itself.
 */
interface CorpusCase {
  id: string;
  definition: { QueryLanguage?: string; States: Record<string, Record<string, unknown>> };
  input: unknown;
  context?: { Execution?: Record<string, unknown> } & Record<string, unknown>;
  expected: { status: string; output?: unknown };
  ignorePaths?: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const casesRoot = path.resolve(here, '../../../../../shared/conformance/cases');

function loadCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const area of ['pass_paths', 'intrinsics']) {
    for (const file of readdirSync(path.join(casesRoot, area))) {
      cases.push(JSON.parse(readFileSync(path.join(casesRoot, area, file), 'utf8')) as CorpusCase);
    }
  }
  return cases.filter(isTemplateCase);
}

function isTemplateCase(c: CorpusCase): boolean {
  const states = Object.values(c.definition.States);
  const state = states[0];
  if (states.length !== 1 || state === undefined || c.definition.QueryLanguage !== undefined) return false;
  const onlyParameters = Object.keys(state).every((key) =>
    ['Type', 'Parameters', 'End', 'Comment'].includes(key),
  );
  return (
    state.Type === 'Pass' &&
    'Parameters' in state &&
    onlyParameters &&
    c.expected.status === 'SUCCEEDED' &&
    !c.ignorePaths?.length
  );
}

describe('payload templates against the AWS conformance corpus', () => {
  const cases = loadCases();

  it('finds the recorded cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const [stateName, state] = Object.entries(c.definition.States)[0] as [string, { Parameters: unknown }];
    const context = {
      ...c.context,
      Execution: { ...c.context?.Execution, Input: c.input },
      State: { Name: stateName },
    };
    const output = compilePayloadTemplate(state.Parameters, { field: 'Parameters' }).evaluate({
      input: c.input,
      context,
    });
    expect(output).toEqual(c.expected.output);
  });
});
