import { describe, expect, it } from 'vitest';
import { eventTypes, specRuntime } from '../testing/spec-runtime';

describe('Succeed state', () => {
  it('ends the execution with its (filtered) input as output', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution(
      { StartAt: 'Done', States: { Done: { Type: 'Succeed', OutputPath: '$.keep' } } },
      { input: { keep: 1, drop: 2 } },
    );
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: 1 });
    expect(eventTypes(execution.history())).toEqual([
      'ExecutionStarted',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
  });
});

describe('Fail state', () => {
  it('fails the execution with its Error and Cause and records no exit', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution({
      StartAt: 'Stop',
      States: { Stop: { Type: 'Fail', Error: 'Order.Invalid', Cause: 'missing id' } },
    });
    expect(await execution.result()).toEqual({
      status: 'FAILED',
      error: 'Order.Invalid',
      cause: 'missing id',
    });
    expect(eventTypes(execution.history())).toEqual([
      'ExecutionStarted',
      'FailStateEntered',
      'ExecutionFailed',
    ]);
  });

  it('reads ErrorPath and CausePath from its input', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      { StartAt: 'Stop', States: { Stop: { Type: 'Fail', ErrorPath: '$.e', CausePath: '$.c' } } },
      { input: { e: 'Dynamic.Error', c: 'from input' } },
    );
    expect(result).toEqual({ status: 'FAILED', error: 'Dynamic.Error', cause: 'from input' });
  });
});
