import { describe, expect, it } from 'vitest';
import { FN, specRuntime } from '../testing/spec-runtime';

describe('context object', () => {
  it('shows the execution, the state machine and the state to Parameters', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      { StartAt: 'Look', States: { Look: { Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true } } },
      { input: { a: 1 }, name: 'run-1', stateMachineName: 'Orders' },
    );
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: {
        ctx: {
          Execution: {
            Id: 'arn:aws:states:us-east-1:123456789012:execution:Orders:run-1',
            Input: { a: 1 },
            StartTime: '2024-01-01T00:00:00.000Z',
            Name: 'run-1',
            RoleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole',
            RedriveCount: 0,
          },
          StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders', Name: 'Orders' },
          State: { Name: 'Look', EnteredTime: '2024-01-01T00:00:00.000Z' },
        },
      },
    });
  });

  it('shows each state the time it was entered', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute({
      StartAt: 'Nap',
      States: {
        Nap: { Type: 'Wait', Seconds: 90, Next: 'Look' },
        Look: { Type: 'Pass', Parameters: { 'at.$': '$$.State.EnteredTime' }, End: true },
      },
    });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { at: '2024-01-01T00:01:30.000Z' } });
  });

  it('shows Map iterations their item and index, and Task states their token and retry count', async () => {
    const { runtime } = specRuntime({
      handlers: { [FN]: (_input, context) => context.contextObject },
    });
    const result = await runtime.execute(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemSelector: { 'item.$': '$$.Map.Item' },
            ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: FN, End: true } } },
            End: true,
          },
        },
      },
      { input: ['x'] },
    );
    const [context] = (result as { output: Record<string, { Token?: string; RetryCount?: number }>[] })
      .output;
    expect(context?.Task?.Token).toEqual(expect.any(String));
    expect(context?.State?.RetryCount).toBe(0);
    expect(context?.Map).toEqual({ Item: { Index: 0, Value: 'x' } });
  });
});
