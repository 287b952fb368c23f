import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { TaskFailedError } from '../errors/runtime-errors';
import { createSeededRandom } from '../random/random';
import type { TaskHandler } from '../tasks/task-handler';
import { createRuntime } from './runtime';

// The conformance corpus lives beside the repository; the full run is `pnpm conformance`.
const CASES = join(import.meta.dirname, '../../../../../shared/conformance/cases');
const SAMPLE = [
  'pass_paths/base__json_path_array_wildcard_or_slice_with_no_input___items_1_v1',
  'choice/choice_aws_docs_scenario__CHOICE_STATE_AWS_SCENARIO',
  'intrinsics/math_add__0',
  'errors/task_catch_error_with_retry__TASK_CATCH_ERROR_OUTPUT_WITH_RETRY',
  'map/map_state_nested',
  'wait/wait_timestamppath__Z',
  'variables/base_cases__BASE_SCOPE_MAP',
  'intrinsics/array_partition__0',
];

interface HandlerSpec {
  kind: 'echo' | 'return' | 'throw';
  value?: unknown;
  error?: string;
  cause?: string;
}

function handlerFor(spec: HandlerSpec): TaskHandler {
  if (spec.kind === 'echo') return (input) => input;
  if (spec.kind === 'return') return () => spec.value;
  return () => {
    throw new TaskFailedError(spec.error ?? 'Error', spec.cause);
  };
}

const available = SAMPLE.filter((id) => existsSync(join(CASES, `${id}.json`)));

describe.skipIf(available.length === 0)('a sample of the AWS-recorded corpus', () => {
  it.each(available)('%s ends as AWS recorded it, with the same history', async (id) => {
    const testCase = JSON.parse(readFileSync(join(CASES, `${id}.json`), 'utf8'));
    const handlers = Object.fromEntries(
      Object.entries((testCase.handlers ?? {}) as Record<string, HandlerSpec>).map(([k, v]) => [
        k,
        handlerFor(v),
      ]),
    );
    const runtime = createRuntime({ handlers, clock: createVirtualClock(), random: createSeededRandom(1) });
    const execution = runtime.startExecution(testCase.definition, {
      input: testCase.input,
      name: 'test_execution',
      stateMachineName: 'test_state_machine',
    });
    const result = await execution.result();
    expect(result.status).toBe(testCase.expected.status);
    if (testCase.expected.status === 'SUCCEEDED' && !testCase.ignorePaths) {
      expect(result).toEqual({ status: 'SUCCEEDED', output: testCase.expected.output });
    }
    if (testCase.expectedEvents && testCase.historyOrder === 'exact') {
      const actual = execution.history().map((e) => [e.id, e.previousEventId, e.type]);
      const expected = testCase.expectedEvents.map(
        (e: { id: number; previousEventId: number; type: string }) => [e.id, e.previousEventId, e.type],
      );
      expect(actual).toEqual(expected);
    }
  });
});
