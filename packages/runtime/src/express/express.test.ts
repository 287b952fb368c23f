import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createRuntime } from '../engine/runtime';
import { InvalidDefinitionError } from '../errors/runtime-errors';
import { StateMachineTypeNotSupportedError } from '../machines/machine-errors';

const START = Date.parse('2024-01-01T00:00:00Z');
const setup = () => {
  const clock = createVirtualClock({ start: START });
  let ids = 0;
  return { clock, runtime: createRuntime({ clock, uuid: () => `u-${++ids}` }) };
};

const greet = {
  StartAt: 'Greet',
  States: { Greet: { Type: 'Pass', Parameters: { 'hello.$': '$.name' }, End: true } },
};

describe('Express workflows', () => {
  it("answer startSyncExecution with StartSyncExecution's shape, output as JSON text", async () => {
    const { runtime } = setup();
    const machine = runtime.registerStateMachine('Greeter', greet, { type: 'EXPRESS' });
    const response = await runtime.startSyncExecution(machine.stateMachineArn, {
      input: { name: 'ada' },
      name: 'g1',
    });
    expect(response).toEqual({
      executionArn: 'arn:aws:states:us-east-1:123456789012:express:Greeter:g1:u-1',
      stateMachineArn: machine.stateMachineArn,
      name: 'g1',
      startDate: new Date(START),
      stopDate: new Date(START),
      status: 'SUCCEEDED',
      input: '{"name":"ada"}',
      inputDetails: { included: true },
      output: '{"hello":"ada"}',
      outputDetails: { included: true },
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
    });
  });

  it('report a failure in the response rather than by throwing', async () => {
    const { runtime } = setup();
    const response = await runtime.startSyncExecution({
      StartAt: 'No',
      States: { No: { Type: 'Fail', Error: 'Order.Invalid', Cause: 'missing id' } },
    });
    expect(response).toMatchObject({ status: 'FAILED', error: 'Order.Invalid', cause: 'missing id' });
    expect(response.output).toBeUndefined();
  });

  it('time out after five minutes with States.Timeout', async () => {
    const { runtime } = setup();
    const response = await runtime.startSyncExecution({
      StartAt: 'Long',
      States: { Long: { Type: 'Wait', Seconds: 600, End: true } },
    });
    expect(response).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(response.stopDate.getTime() - response.startDate.getTime()).toBe(300_000);
  });

  it.each([
    ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', '.waitForTaskToken'],
    ['arn:aws:states:::states:startExecution.sync', '.sync'],
    ['arn:aws:states:us-east-1:123456789012:activity:review', 'activities'],
  ])('refuse %s, as AWS refuses it in an Express state machine', (resource, named) => {
    const { runtime } = setup();
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, End: true } } }],
          End: true,
        },
      },
    };
    expect(() => runtime.registerStateMachine('Bad', definition, { type: 'EXPRESS' })).toThrow(
      InvalidDefinitionError,
    );
    expect(() => runtime.startExecution(definition, { type: 'EXPRESS' })).toThrow(named);
    expect(() => runtime.startExecution(definition)).not.toThrow();
  });

  it('keep no history unless collectHistory asks for it', async () => {
    const { runtime } = setup();
    const quiet = runtime.startExecution(greet, { type: 'EXPRESS', input: { name: 'a' } });
    await quiet.result();
    expect(quiet.history()).toEqual([]);
    const traced = runtime.startExecution(greet, {
      type: 'EXPRESS',
      input: { name: 'b' },
      collectHistory: true,
    });
    await traced.result();
    expect(traced.history().map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('refuse startSyncExecution of a Standard state machine', async () => {
    const { runtime } = setup();
    const standard = runtime.registerStateMachine('Orders', greet);
    await expect(runtime.startSyncExecution(standard.stateMachineArn)).rejects.toBeInstanceOf(
      StateMachineTypeNotSupportedError,
    );
  });
});
