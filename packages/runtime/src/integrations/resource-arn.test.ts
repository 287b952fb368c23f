import { describe, expect, it } from 'vitest';
import { parseResource } from './resource-arn';

describe('reading a Task Resource', () => {
  it.each([
    ['arn:aws:lambda:us-east-1:123456789012:function:Charge', 'lambda-function', 'request', undefined],
    ['arn:aws:lambda:us-east-1:123456789012:function:Charge:prod', 'lambda-function', 'request', undefined],
    ['arn:aws:states:::lambda:invoke', 'lambda-invoke', 'request', 'lambda'],
    ['arn:aws:states:::lambda:invoke.waitForTaskToken', 'lambda-invoke', 'waitForTaskToken', 'lambda'],
    ['arn:aws:states:::http:invoke', 'http-invoke', 'request', 'http'],
    ['arn:aws:states:::states:startExecution.sync:2', 'start-execution', 'sync:2', 'states'],
    ['arn:aws:states:::states:startExecution.sync', 'start-execution', 'sync', 'states'],
    ['arn:aws:states:::ecs:runTask.sync', 'service', 'sync', 'ecs'],
    ['arn:aws:states:::aws-sdk:s3:getObject', 'service', 'request', 's3'],
    ['arn:aws:states:us-east-1:123456789012:activity:review', 'activity', 'request', undefined],
    ['urn:something:else', 'unknown', 'request', undefined],
  ])('%s is a %s resource with the %s pattern', (arn, kind, pattern, service) => {
    const parsed = parseResource(arn);
    expect(parsed).toMatchObject({ kind, pattern });
    expect(parsed.service).toBe(service);
  });

  it('strips the pattern suffix to find the base resource a callback task calls first', () => {
    expect(parseResource('arn:aws:states:::sqs:sendMessage.waitForTaskToken')).toMatchObject({
      base: 'arn:aws:states:::sqs:sendMessage',
      service: 'sqs',
      action: 'sendMessage',
      sdk: false,
    });
    expect(parseResource('arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken')).toMatchObject({
      base: 'arn:aws:states:::aws-sdk:dynamodb:putItem',
      sdk: true,
    });
  });
});
