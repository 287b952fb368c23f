import { describe, expect, it } from 'vitest';
import { FN, specRuntime } from '../testing/spec-runtime';
import { TaskFailedError } from './runtime-errors';

const failing = () => {
  throw new TaskFailedError('Payment.Declined', 'card expired');
};

describe('Catch', () => {
  it('places the error output at ResultPath and moves to the catcher’s Next', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: failing } });
    const result = await runtime.execute(
      {
        StartAt: 'Charge',
        States: {
          Charge: {
            Type: 'Task',
            Resource: FN,
            Catch: [{ ErrorEquals: ['Payment.Declined'], ResultPath: '$.error', Next: 'Recover' }],
            End: true,
          },
          Recover: { Type: 'Pass', End: true },
        },
      },
      { input: { order: 1 } },
    );
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { order: 1, error: { Error: 'Payment.Declined', Cause: 'card expired' } },
    });
  });

  it('chooses the first catcher whose ErrorEquals matches', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: failing } });
    const result = await runtime.execute({
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: FN,
          Catch: [
            { ErrorEquals: ['Other'], Next: 'Wrong' },
            { ErrorEquals: ['Payment.Declined'], Next: 'Right' },
            { ErrorEquals: ['States.ALL'], Next: 'Wrong' },
          ],
          End: true,
        },
        Wrong: { Type: 'Pass', Result: 'wrong', End: true },
        Right: { Type: 'Pass', Result: 'right', End: true },
      },
    });
    expect(result).toMatchObject({ output: 'right' });
  });

  it('evaluates JSONata Output and Assign with $states.errorOutput', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: failing } });
    const result = await runtime.execute({
      QueryLanguage: 'JSONata',
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: FN,
          Catch: [
            {
              ErrorEquals: ['States.ALL'],
              Output: { reason: '{% $states.errorOutput.Cause %}' },
              Assign: { failedWith: '{% $states.errorOutput.Error %}' },
              Next: 'Report',
            },
          ],
          End: true,
        },
        Report: {
          Type: 'Pass',
          Output: { reason: '{% $states.input.reason %}', error: '{% $failedWith %}' },
          End: true,
        },
      },
    });
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { reason: 'card expired', error: 'Payment.Declined' },
    });
  });

  it('does not catch States.Runtime with States.ALL, but does when a catcher names it', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: () => 'unreached' } });
    const definition = (errorEquals: string[]) => ({
      StartAt: 'Bad',
      States: {
        Bad: {
          Type: 'Task',
          Resource: FN,
          Parameters: { 'x.$': '$.missing' },
          Catch: [{ ErrorEquals: errorEquals, Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', Result: 'caught', End: true },
      },
    });
    expect(await runtime.execute(definition(['States.ALL']))).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
    });
    expect(await runtime.execute(definition(['States.Runtime']))).toEqual({
      status: 'SUCCEEDED',
      output: 'caught',
    });
  });

  it('catches States.TaskFailed for any error a task raises', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: failing } });
    const result = await runtime.execute({
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: FN,
          Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', Result: 'caught', End: true },
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'caught' });
  });
});
