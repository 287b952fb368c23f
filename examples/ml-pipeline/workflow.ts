import {
  and,
  choice,
  fail,
  lambda,
  lt,
  numeric,
  parallel,
  pass,
  task,
  test,
  workflow,
} from '@stepwise/builder';
import { z } from 'zod';

/** A training request: the data, the model's name and the accuracy it must reach to ship. */
export const TrainingRequest = z.object({
  datasetUri: z.string(),
  modelName: z.string(),
  minAccuracy: z.number(),
});

const Prepared = z.object({ trainUri: z.string(), testUri: z.string() });
const Trained = z.object({ modelUri: z.string() });
const Accuracy = z.object({ accuracy: z.number() });
const Bias = z.object({ biasScore: z.number() });
const Deployed = z.object({ endpoint: z.string() });

const resources = {
  prepare: lambda('PrepareData'),
  train: lambda('TrainModel'),
  accuracy: lambda('MeasureAccuracy'),
  bias: lambda('CheckBias'),
  deploy: lambda('DeployModel'),
};

/**
 * Prepare the data, train a model, evaluate it two ways at once, and deploy
 * it only when it is accurate enough (against the request's own threshold)
 * and not biased. Paths are written as checked string literals here.
 */
export const mlPipeline = workflow({
  comment: 'Train, evaluate and deploy a model',
  input: TrainingRequest,
}).define((start) =>
  start
    .next(
      task('Prepare Data', {
        resource: resources.prepare,
        parameters: { 'source.$': '$.datasetUri' },
        result: Prepared,
        resultPath: '$.data',
      }),
    )
    .next(
      task('Train Model', {
        resource: resources.train,
        parameters: { 'dataset.$': '$.data.trainUri', 'name.$': '$.modelName' },
        result: Trained,
        resultPath: '$.model',
        retry: [{ errors: ['Training.CapacityUnavailable'], intervalSeconds: 30, maxAttempts: 2 }],
      }),
    )
    .next(
      parallel('Evaluate', {
        parameters: { 'model.$': '$.model.modelUri', 'testSet.$': '$.data.testUri' },
        branches: [
          (b) => b.next(task('Measure Accuracy', { resource: resources.accuracy, result: Accuracy })),
          (b) => b.next(task('Check Bias', { resource: resources.bias, result: Bias })),
        ],
        resultSelector: (results) => ({ accuracy: results[0].accuracy, bias: results[1].biasScore }),
        resultPath: '$.metrics',
      }),
    )
    .next(
      choice('Good Enough?', (c) =>
        c
          .whenRule(
            (s) => and(test(s.metrics.accuracy, numeric.gte(s.minAccuracy)), test(s.metrics.bias, lt(0.2))),
            // A branch written as a function starts from the data the Choice passes on, so its paths are checked.
            (deploy) =>
              deploy
                .next(
                  task('Deploy Model', {
                    resource: resources.deploy,
                    parameters: { 'model.$': '$.model.modelUri', 'name.$': '$.modelName' },
                    result: Deployed,
                    resultPath: '$.deployment',
                  }),
                )
                .next(
                  pass('Report', {
                    parameters: {
                      'model.$': '$.modelName',
                      'endpoint.$': '$.deployment.endpoint',
                      'accuracy.$': '$.metrics.accuracy',
                    },
                  }),
                ),
          )
          .otherwise(
            fail('Rejected', { error: 'ModelRejected', cause: 'The model missed its accuracy or bias bar' }),
          ),
      ),
    ),
);

/** The compiled definition. */
export const mlDefinition = mlPipeline.compile();

/** Local stand-ins for the five Lambda functions, checked against the task schemas. */
export const mlHandlers = mlPipeline.handlers({
  [resources.prepare]: (input) => {
    const { source } = input as { source: string };
    return { trainUri: `${source}/train`, testUri: `${source}/test` };
  },
  [resources.train]: (input) => {
    const { dataset, name } = input as { dataset: string; name: string };
    return { modelUri: `models/${name}@${dataset.length}` };
  },
  // The "noisy" dataset trains a worse model; everything else scores well.
  [resources.accuracy]: (input) => ({
    accuracy: (input as { testSet: string }).testSet.includes('noisy') ? 0.71 : 0.94,
  }),
  [resources.bias]: () => ({ biasScore: 0.05 }),
  [resources.deploy]: (input) => ({ endpoint: `https://models.example/${(input as { name: string }).name}` }),
});
