import { describe, expect, it } from 'vitest';
import { StatesError } from '../errors/runtime-errors';
import { FN, specRuntime } from '../testing/spec-runtime';

const task = (queryLanguage: 'JSONPath' | 'JSONata') => ({
  QueryLanguage: queryLanguage,
  StartAt: 'T',
  States: {
    T: {
      Type: 'Task',
      Resource: FN,
      Catch: [{ ErrorEquals: ['Custom.Failure'], Next: 'Caught' }],
      End: true,
    },
    Caught: { Type: 'Pass', End: true },
  },
});

const eventTypes = (history: readonly { type: string }[]) => history.map((event) => event.type);

// The graph runner settles a JSONPath task itself; a JSONata task awaits it as a promise. Both
// must record the same events and give the same outcome.
describe.each(['JSONPath', 'JSONata'] as const)('a pending task in %s mode', (queryLanguage) => {
  it('records the success and finishes the state with the handler’s result', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: async () => ({ done: true }) } });
    const execution = runtime.startExecution(task(queryLanguage));
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: { done: true } });
    expect(eventTypes(execution.history())).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('records a rejection by its error name, where Catch sees it', async () => {
    const { runtime } = specRuntime({
      handlers: {
        [FN]: async () => {
          throw new StatesError('Custom.Failure', 'it broke');
        },
      },
    });
    const execution = runtime.startExecution(task(queryLanguage));
    const result = await execution.result();
    expect(result.status).toBe('SUCCEEDED');
    expect(eventTypes(execution.history())).toContain('LambdaFunctionFailed');
    expect(execution.history().find((event) => event.type === 'LambdaFunctionFailed')).toMatchObject({
      lambdaFunctionFailedEventDetails: { error: 'Custom.Failure', cause: 'it broke' },
    });
  });

  it('treats a handler that throws before returning a promise like one that rejects', async () => {
    const { runtime } = specRuntime({
      handlers: {
        [FN]: () => {
          throw new StatesError('Other.Failure', 'at once');
        },
      },
    });
    expect(await runtime.startExecution(task(queryLanguage)).result()).toEqual({
      status: 'FAILED',
      error: 'Other.Failure',
      cause: 'at once',
    });
  });
});
