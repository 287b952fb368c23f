import { validate } from '@stepwise/asl';
import { createRuntime, type HistoryEvent } from '@stepwise/runtime';
import { describe, expect, it } from 'vitest';
import { mlDefinition, mlHandlers } from './workflow';

const statesEntered = (events: readonly HistoryEvent[]) =>
  events.flatMap((event) => (event.stateEnteredEventDetails ? [event.stateEnteredEventDetails.name] : []));

describe('the ML pipeline example', () => {
  it('compiles to a valid state machine that compares the metric with the request’s threshold', () => {
    expect(validate(mlDefinition)).toEqual({ ok: true, diagnostics: [] });
    expect(mlDefinition.States['Good Enough?']).toMatchObject({
      Choices: [
        {
          And: [
            { Variable: '$.metrics.accuracy', NumericGreaterThanEqualsPath: '$.minAccuracy' },
            { Variable: '$.metrics.bias', NumericLessThan: 0.2 },
          ],
          Next: 'Deploy Model',
        },
      ],
      Default: 'Rejected',
    });
  });

  it('deploys a model that meets the bar, evaluating it in parallel first', async () => {
    const runtime = createRuntime({ handlers: mlHandlers });
    const execution = runtime.startExecution(mlDefinition, {
      input: { datasetUri: 's3://data/churn', modelName: 'churn', minAccuracy: 0.9 },
    });
    expect(await execution.result()).toEqual({
      status: 'SUCCEEDED',
      output: { model: 'churn', endpoint: 'https://models.example/churn', accuracy: 0.94 },
    });
    expect(statesEntered(execution.history())).toEqual(
      expect.arrayContaining([
        'Prepare Data',
        'Train Model',
        'Evaluate',
        'Measure Accuracy',
        'Check Bias',
        'Deploy Model',
      ]),
    );
  });

  it('rejects a model below the requested accuracy', async () => {
    const runtime = createRuntime({ handlers: mlHandlers });
    const result = await runtime.execute(mlDefinition, {
      input: { datasetUri: 's3://data/noisy', modelName: 'churn', minAccuracy: 0.9 },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'ModelRejected' });
  });
});
