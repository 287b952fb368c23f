import { describe, expect, it } from 'vitest';
import { eventTypes, specRuntime } from '../testing/spec-runtime';

describe('evaluation errors', () => {
  it('fails with States.IntrinsicFailure when an intrinsic function is given bad arguments', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Bad',
        States: { Bad: { Type: 'Pass', Parameters: { 'n.$': 'States.StringToJson($.text)' }, End: true } },
      },
      { input: { text: '{not json' } },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.IntrinsicFailure' });
  });

  it('fails with States.QueryEvaluationError and records EvaluationFailed when JSONata fails', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution({
      QueryLanguage: 'JSONata',
      StartAt: 'Bad',
      States: { Bad: { Type: 'Pass', Output: '{% $undefinedFunction() %}', End: true } },
    });
    expect(await execution.result()).toMatchObject({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
    });
    expect(eventTypes(execution.history())).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'EvaluationFailed',
      'ExecutionFailed',
    ]);
  });

  it('fails with States.Runtime, naming the state, when a path in Parameters matches nothing', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute({
      StartAt: 'Bad',
      States: { Bad: { Type: 'Pass', Parameters: { 'x.$': '$.nowhere' }, End: true } },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect((result as { cause: string }).cause).toContain("'Bad'");
  });
});
