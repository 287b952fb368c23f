import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createRuntime } from '../engine/runtime';
import { TaskFailedError } from '../errors/runtime-errors';

const task = (resource: string, parameters: Record<string, unknown> = {}) => ({
  StartAt: 'Call',
  States: { Call: { Type: 'Task', Resource: resource, Parameters: parameters, End: true } },
});

/** How the AWS SDK for JavaScript v3 shapes a service exception. */
class QueueDoesNotExist extends Error {
  override name = 'QueueDoesNotExist';
  $metadata = { httpStatusCode: 400, requestId: 'req-1' };
}

describe('service integrations', () => {
  it('dispatch optimized and aws-sdk resources to the handler registered by service and action', async () => {
    const sent: unknown[] = [];
    const runtime = createRuntime({
      clock: createVirtualClock(),
      services: {
        sqs: {
          sendMessage: (params) => {
            sent.push(params);
            return { MessageId: `m-${sent.length}` };
          },
        },
      },
    });
    const params = { QueueUrl: 'https://sqs.local/orders', MessageBody: 'hello' };
    expect(await runtime.execute(task('arn:aws:states:::sqs:sendMessage', params))).toEqual({
      status: 'SUCCEEDED',
      output: { MessageId: 'm-1' },
    });
    expect(await runtime.execute(task('arn:aws:states:::aws-sdk:sqs:sendMessage', params))).toEqual({
      status: 'SUCCEEDED',
      output: { MessageId: 'm-2' },
    });
    expect(sent).toEqual([params, params]);
  });

  it('name an SDK exception <Service>.<Exception> with AWS cause text', async () => {
    const runtime = createRuntime({ clock: createVirtualClock() });
    runtime.registerService('sqs', 'sendMessage', () => {
      throw new QueueDoesNotExist('The specified queue does not exist.');
    });
    const result = await runtime.execute(task('arn:aws:states:::aws-sdk:sqs:sendMessage'));
    expect(result).toEqual({
      status: 'FAILED',
      error: 'SQS.QueueDoesNotExistException',
      cause: 'The specified queue does not exist. (Service: SQS, Status Code: 400, Request ID: req-1)',
    });
  });

  it('name the failure of a service called like an Object member after the service itself', async () => {
    const runtime = createRuntime({ clock: createVirtualClock() });
    runtime.registerService('constructor', 'run', () => {
      throw new Error('boom');
    });
    expect(await runtime.execute(task('arn:aws:states:::aws-sdk:constructor:run'))).toEqual({
      status: 'FAILED',
      error: 'Constructor.ConstructorException',
      cause: 'boom (Service: Constructor, Status Code: 400, Request ID: )',
    });
  });

  it("spell DynamoDB's aws-sdk errors DynamoDb, as AWS does, and let a TaskFailedError through", async () => {
    const runtime = createRuntime({ clock: createVirtualClock() });
    runtime.registerService('dynamodb', 'putItem', () => {
      const error = new Error('The conditional request failed');
      error.name = 'ConditionalCheckFailedException';
      throw error;
    });
    runtime.registerService('batch', 'submitJob', () => {
      throw new TaskFailedError('Batch.JobFailed', 'exit code 3');
    });
    expect(await runtime.execute(task('arn:aws:states:::aws-sdk:dynamodb:putItem'))).toMatchObject({
      error: 'DynamoDb.ConditionalCheckFailedException',
    });
    expect(await runtime.execute(task('arn:aws:states:::dynamodb:putItem'))).toMatchObject({
      error: 'DynamoDB.ConditionalCheckFailedException',
    });
    expect(await runtime.execute(task('arn:aws:states:::batch:submitJob.sync'))).toMatchObject({
      error: 'Batch.JobFailed',
      cause: 'exit code 3',
    });
  });

  it('say exactly what to register when no handler serves the action', async () => {
    const runtime = createRuntime({ clock: createVirtualClock() });
    const result = await runtime.execute(task('arn:aws:states:::sns:publish'));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    const cause = (result as { cause: string }).cause;
    expect(cause).toContain("'sns:publish'");
    expect(cause).toContain('createRuntime({ services: { sns: { publish: async (params) =>');
    expect(cause).toContain("runtime.registerService('sns', 'publish'");
  });

  it('leave a raw handler registered for the exact resource in charge', async () => {
    const runtime = createRuntime({
      clock: createVirtualClock(),
      handlers: { 'arn:aws:states:::events:putEvents': () => ({ raw: true }) },
      services: { events: { putEvents: () => ({ raw: false }) } },
    });
    expect(await runtime.execute(task('arn:aws:states:::events:putEvents'))).toEqual({
      status: 'SUCCEEDED',
      output: { raw: true },
    });
  });
});
