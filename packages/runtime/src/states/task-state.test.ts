import { describe, expect, it } from 'vitest';
import { TaskFailedError } from '../errors/runtime-errors';
import { detailsOf, eventTypes, FN, specRuntime } from '../testing/spec-runtime';

describe('Task state', () => {
  it('gives the handler the effective input and places its result with ResultSelector and ResultPath', async () => {
    const seen: unknown[] = [];
    const { runtime } = specRuntime({
      handlers: {
        [FN]: (input) => {
          seen.push(input);
          return { body: { total: 42 }, noise: true };
        },
      },
    });
    const result = await runtime.execute(
      {
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: FN,
            Parameters: { 'id.$': '$.order.id' },
            ResultSelector: { 'total.$': '$.body.total' },
            ResultPath: '$.charge',
            End: true,
          },
        },
      },
      { input: { order: { id: 'o-1' } } },
    );
    expect(seen).toEqual([{ id: 'o-1' }]);
    expect(result).toEqual({ status: 'SUCCEEDED', output: { order: { id: 'o-1' }, charge: { total: 42 } } });
  });

  it('records LambdaFunction events for a function ARN and Task events for a service integration', async () => {
    const { runtime } = specRuntime({
      handlers: { [FN]: () => 1, 'arn:aws:states:::sqs:sendMessage': () => ({ MessageId: 'm' }) },
    });
    const execution = runtime.startExecution({
      StartAt: 'Fn',
      States: {
        Fn: { Type: 'Task', Resource: FN, Next: 'Sqs' },
        Sqs: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true },
      },
    });
    await execution.result();
    expect(eventTypes(execution.history())).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const scheduled = execution.history().find((e) => e.type === 'TaskScheduled');
    expect(detailsOf(scheduled)).toMatchObject({
      resourceType: 'sqs',
      resource: 'sendMessage',
      parameters: '1',
    });
  });

  it('fails with the name and message a handler throws, and with TaskFailedError’s error and cause', async () => {
    const { runtime } = specRuntime({
      handlers: {
        [FN]: () => {
          throw new TaskFailedError('Payment.Declined', 'over the limit');
        },
        'arn:aws:lambda:us-east-1:123456789012:function:plain': () => {
          throw new RangeError('bad range');
        },
      },
    });
    const declined = await runtime.execute({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: FN, End: true } },
    });
    expect(declined).toEqual({ status: 'FAILED', error: 'Payment.Declined', cause: 'over the limit' });
    const plain = await runtime.execute({
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:plain', End: true },
      },
    });
    expect(plain).toEqual({ status: 'FAILED', error: 'RangeError', cause: 'bad range' });
  });

  it('fails with States.Runtime naming the resource when no handler serves it', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect((result as { cause: string }).cause).toContain('arn:aws:states:::sqs:sendMessage');
  });

  it('shows the handler the attempt number, the state name and a task token matching $$.Task.Token', async () => {
    const contexts: { attempt: number; stateName: string; token: string; fromContext: unknown }[] = [];
    const { runtime } = specRuntime({
      handlers: {
        [FN]: (_input, context) => {
          contexts.push({
            attempt: context.attempt,
            stateName: context.stateName,
            token: context.taskToken,
            fromContext: (context.contextObject.Task as { Token: string }).Token,
          });
          return {};
        },
      },
    });
    await runtime.execute({ StartAt: 'T', States: { T: { Type: 'Task', Resource: FN, End: true } } });
    expect(contexts).toHaveLength(1);
    expect(contexts[0]).toMatchObject({ attempt: 0, stateName: 'T' });
    expect(contexts[0]?.token).toBe(contexts[0]?.fromContext);
  });
});
