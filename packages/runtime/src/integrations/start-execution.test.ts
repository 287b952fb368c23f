import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createRuntime } from '../engine/runtime';

function setup() {
  const clock = createVirtualClock({ start: Date.parse('2024-01-01T00:00:00Z') });
  const runtime = createRuntime({ clock });
  // The child waits a (virtual) minute, so the parent really has to wait for it.
  const child = runtime.registerStateMachine('Child', {
    StartAt: 'Pause',
    States: {
      Pause: { Type: 'Wait', Seconds: 60, Next: 'Greet' },
      Greet: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('hi {}', $.who)" }, End: true },
    },
  });
  const failing = runtime.registerStateMachine('Failing', {
    StartAt: 'Boom',
    States: { Boom: { Type: 'Fail', Error: 'Child.Broke', Cause: 'on purpose' } },
  });
  return { clock, runtime, child, failing };
}

const parent = (resource: string, stateMachineArn: string, input: unknown = { who: 'ada' }) => ({
  StartAt: 'Run',
  States: {
    Run: {
      Type: 'Task',
      Resource: resource,
      Parameters: { StateMachineArn: stateMachineArn, Input: input, Name: 'child-1' },
      End: true,
    },
  },
});

describe('states:startExecution', () => {
  it('without a suffix starts the child and returns ExecutionArn and StartDate at once', async () => {
    const { runtime, child } = setup();
    const result = await runtime.execute(
      parent('arn:aws:states:::states:startExecution', child.stateMachineArn),
    );
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: {
        ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-1',
        StartDate: Date.parse('2024-01-01T00:00:00Z'),
      },
    });
  });

  it('.sync waits for the child and returns DescribeExecution with Output as JSON text', async () => {
    const { runtime, child } = setup();
    const execution = runtime.startExecution(
      parent('arn:aws:states:::states:startExecution.sync', child.stateMachineArn),
    );
    const result = await execution.result();
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-1',
        Input: '{"who":"ada"}',
        Name: 'child-1',
        Output: '{"greeting":"hi ada"}',
        OutputDetails: { Included: true },
        StateMachineArn: child.stateMachineArn,
        Status: 'SUCCEEDED',
        StartDate: Date.parse('2024-01-01T00:00:00Z'),
        StopDate: Date.parse('2024-01-01T00:01:00Z'),
      },
    });
    expect(execution.history().map((e) => e.type)).toContain('TaskSubmitted');
  });

  it('.sync:2 returns Input and Output as JSON', async () => {
    const { runtime, child } = setup();
    const result = await runtime.execute(
      parent('arn:aws:states:::states:startExecution.sync:2', child.stateMachineArn, '{"who":"bob"}'),
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { Input: { who: 'bob' }, Output: { greeting: 'hi bob' }, Status: 'SUCCEEDED' },
    });
  });

  it("fails the parent's task with States.TaskFailed and the child's description as the cause", async () => {
    const { runtime, failing } = setup();
    const result = await runtime.execute(
      parent('arn:aws:states:::states:startExecution.sync', failing.stateMachineArn),
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(JSON.parse((result as { cause: string }).cause)).toMatchObject({
      Status: 'FAILED',
      Error: 'Child.Broke',
      Cause: 'on purpose',
      Name: 'child-1',
    });
  });

  it('stops the child when the parent is stopped', async () => {
    const { runtime, child } = setup();
    const execution = runtime.startExecution(
      parent('arn:aws:states:::states:startExecution.sync', child.stateMachineArn),
    );
    for await (const event of execution.events()) {
      if (event.type === 'TaskSubmitted') break;
    }
    execution.stop({ error: 'Operator', cause: 'no longer needed' });
    expect(await execution.result()).toMatchObject({ status: 'ABORTED' });
    await new Promise((resolve) => setImmediate(resolve));
    const child1 = await runtime.describeExecution(
      'arn:aws:states:us-east-1:123456789012:execution:Child:child-1',
    );
    expect(child1?.status).toBe('ABORTED');
  });

  it('passes AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID through to the child input', async () => {
    const { runtime } = setup();
    const echo = runtime.registerStateMachine('Echo', {
      StartAt: 'E',
      States: { E: { Type: 'Pass', End: true } },
    });
    const result = await runtime.execute(
      {
        StartAt: 'Run',
        States: {
          Run: {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution.sync:2',
            Parameters: {
              StateMachineArn: echo.stateMachineArn,
              Input: { 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
            },
            OutputPath: '$.Output',
            End: true,
          },
        },
      },
      { name: 'parent-1' },
    );
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: {
        AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID:
          'arn:aws:states:us-east-1:123456789012:execution:StateMachine:parent-1',
      },
    });
  });

  it('fails with StepFunctions.StateMachineDoesNotExistException for an unknown machine', async () => {
    const { runtime } = setup();
    const result = await runtime.execute(
      parent(
        'arn:aws:states:::states:startExecution',
        'arn:aws:states:us-east-1:123456789012:stateMachine:Nowhere',
      ),
    );
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'StepFunctions.StateMachineDoesNotExistException',
    });
  });
});
