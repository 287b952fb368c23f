import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createRuntime } from '../engine/runtime';
import type { RuntimeOptions } from '../engine/runtime-options';

const ACCOUNT = '123456789012';
const arn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;

function runtimeWith(options: RuntimeOptions) {
  return createRuntime({ clock: createVirtualClock({ start: 0 }), ...options });
}

const invoke = (functionName: string, payload: unknown = { orderId: 7 }) => ({
  StartAt: 'Invoke',
  States: {
    Invoke: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: functionName, Payload: payload },
      End: true,
    },
  },
});

describe('Lambda functions registered by name', () => {
  const ValidateOrder = async (event: unknown) => ({ valid: true, event });

  it.each([
    'ValidateOrder',
    'ValidateOrder:prod',
    `${ACCOUNT}:function:ValidateOrder`,
    arn('ValidateOrder'),
    `${arn('ValidateOrder')}:7`,
  ])('answer lambda:invoke with FunctionName %s in the Invoke response shape', async (name) => {
    const runtime = runtimeWith({ lambdaFunctions: { ValidateOrder } });
    const result = await runtime.execute(invoke(name));
    expect(result.status).toBe('SUCCEEDED');
    const output = (result as { output: Record<string, unknown> }).output;
    expect(output).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: { valid: true, event: { orderId: 7 } },
      StatusCode: 200,
      SdkResponseMetadata: { RequestId: '' },
    });
    expect(output.SdkHttpMetadata).toMatchObject({ HttpStatusCode: 200 });
  });

  it('serve a Task whose Resource is the function ARN with an alias, with the event as input', async () => {
    const runtime = runtimeWith({});
    runtime.registerLambda('Double', (event) => (event as { n: number }).n * 2);
    const result = await runtime.execute(
      { StartAt: 'D', States: { D: { Type: 'Task', Resource: `${arn('Double')}:live`, End: true } } },
      { input: { n: 21 } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: 42 });
  });

  it("fail with the thrown error's type and Lambda's error payload as the cause", async () => {
    class PaymentDeclined extends Error {
      override name = 'PaymentDeclined';
    }
    const runtime = runtimeWith({
      lambdaFunctions: {
        Charge: () => {
          throw new PaymentDeclined('card expired');
        },
      },
    });
    const result = await runtime.execute(invoke('Charge'));
    expect(result).toMatchObject({ status: 'FAILED', error: 'PaymentDeclined' });
    const cause = JSON.parse((result as { cause: string }).cause);
    expect(cause).toMatchObject({ errorType: 'PaymentDeclined', errorMessage: 'card expired' });
    expect(cause.trace[0]).toBe('PaymentDeclined: card expired');
  });

  it('report something thrown that is not an Error as Lambda.Unknown', async () => {
    const runtime = runtimeWith({
      lambdaFunctions: {
        Odd: () => {
          throw { reason: 'no type' };
        },
      },
    });
    const result = await runtime.execute(invoke('Odd'));
    expect(result).toMatchObject({ status: 'FAILED', error: 'Lambda.Unknown' });
  });

  it('fail lambda:invoke of an unknown function with Lambda.ResourceNotFoundException', async () => {
    const result = await runtimeWith({}).execute(invoke('Nobody'));
    expect(result).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
    expect((result as { cause: string }).cause).toContain(arn('Nobody'));
  });

  it('answer an asynchronous (Event) invocation at once with status 202', async () => {
    let seen: unknown;
    const runtime = runtimeWith({
      lambdaFunctions: {
        Audit: (event) => {
          seen = event;
        },
      },
    });
    const definition = invoke('Audit', { action: 'login' });
    (definition.States.Invoke.Parameters as Record<string, unknown>).InvocationType = 'Event';
    const result = await runtime.execute(definition);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { StatusCode: 202, Payload: '' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual({ action: 'login' });
  });
});
