import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateIntrinsic } from './evaluate-intrinsic';
import { parseIntrinsic } from './parse-intrinsic';
import { dottedPathEnvironment } from './test-support';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');
const CASES = path.resolve(REPO_ROOT, '../shared/conformance/cases/intrinsics');

interface CorpusCase {
  readonly id: string;
  readonly definition: { readonly States: Record<string, Record<string, unknown>> };
  readonly input: unknown;
  readonly context?: unknown;
  readonly expected: { readonly status: string; readonly output?: unknown };
  readonly ignorePaths?: readonly string[];
}

/**
 * Corpus cases of the simplest shape: one Pass state whose Parameters are a single
 * `"FunctionResult.$": <intrinsic>`, so the expected output is exactly the call's result.
 */
function simpleCases(): Array<{ id: string; source: string; testCase: CorpusCase }> {
  let files: string[];
  try {
    files = readdirSync(CASES).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const testCase = JSON.parse(readFileSync(path.join(CASES, file), 'utf8')) as CorpusCase;
    const states = Object.values(testCase.definition.States);
    const parameters = states[0]?.Parameters as Record<string, unknown> | undefined;
    const source = parameters?.['FunctionResult.$'];
    const simple =
      states.length === 1 && states[0]?.Type === 'Pass' && Object.keys(parameters ?? {}).length === 1;
    return simple && typeof source === 'string' ? [{ id: testCase.id, source, testCase }] : [];
  });
}

const cases = simpleCases();

describe('evaluateIntrinsic against the conformance corpus', () => {
  it('finds the corpus cases', () => {
    expect(cases.length).toBeGreaterThan(90);
  });

  it.each(cases.map((entry) => [entry.id, entry] as const))('%s', (_id, { source, testCase }) => {
    const env = dottedPathEnvironment(testCase.input, testCase.context ?? {}, {}, { random: () => 0.5 });
    const result = evaluateIntrinsic(parseIntrinsic(source), env);
    const expected = (testCase.expected.output as { FunctionResult: unknown }).FunctionResult;
    if (testCase.ignorePaths?.includes('$.FunctionResult')) {
      // Random results: only their shape can be compared.
      expect(Number.isInteger(result)).toBe(true);
    } else {
      expect(result).toEqual(expected);
    }
  });
});

describe('evaluateIntrinsic', () => {
  it('evaluates nested calls inside out and resolves paths through the environment', () => {
    const seen: string[] = [];
    const env = {
      resolvePath: (_path: unknown, source: string) => {
        seen.push(source);
        return 'a-b-c';
      },
    };
    const call = parseIntrinsic("States.ArrayGetItem(States.StringSplit($.name, '-'), 2)");
    expect(evaluateIntrinsic(call, env)).toBe('c');
    expect(seen).toEqual(['$.name']);
  });

  it('merges objects shallowly, as in the corpus case with an escaped JSON literal', () => {
    const call = parseIntrinsic(
      'States.JsonMerge(States.StringToJson(\'{"constant_in_literal": "false"}\'), $$.Execution.Input.input_field, false)',
    );
    const context = { Execution: { Input: { input_field: { constant_input_field: 'constant_value' } } } };
    expect(evaluateIntrinsic(call, dottedPathEnvironment({}, context))).toEqual({
      constant_input_field: 'constant_value',
      constant_in_literal: 'false',
    });
  });

  it('formats with a template taken from a variable', () => {
    const call = parseIntrinsic('States.Format($AnswerTemplate, $$.Map.Item.Value)');
    const env = dottedPathEnvironment(
      {},
      { Map: { Item: { Value: 'Pikachu' } } },
      { AnswerTemplate: "It's {}!" },
    );
    expect(evaluateIntrinsic(call, env)).toBe("It's Pikachu!");
  });
});
