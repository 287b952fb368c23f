import { describe, expect, it } from 'vitest';
import { eventTypes, specRuntime } from '../testing/spec-runtime';

const route = {
  StartAt: 'Route',
  States: {
    Route: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.n', NumericGreaterThan: 10, Next: 'Big' },
        {
          And: [
            { Variable: '$.tag', IsPresent: true },
            { Variable: '$.tag', StringMatches: 'vip-*' },
          ],
          Next: 'Vip',
        },
      ],
      Default: 'Small',
    },
    Big: { Type: 'Pass', Result: 'big', End: true },
    Vip: { Type: 'Pass', Result: 'vip', End: true },
    Small: { Type: 'Pass', Result: 'small', End: true },
  },
};

describe('Choice state', () => {
  it('follows the first rule that matches', async () => {
    const { runtime } = specRuntime();
    expect(await runtime.execute(route, { input: { n: 11, tag: 'vip-1' } })).toMatchObject({ output: 'big' });
    expect(await runtime.execute(route, { input: { n: 1, tag: 'vip-1' } })).toMatchObject({ output: 'vip' });
  });

  it('takes Default when no rule matches', async () => {
    const { runtime } = specRuntime();
    expect(await runtime.execute(route, { input: { n: 1 } })).toMatchObject({ output: 'small' });
  });

  it('fails with States.NoChoiceMatched when no rule matches and there is no Default', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Route',
        States: {
          Route: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'Done' }] },
          Done: { Type: 'Succeed' },
        },
      },
      { input: { n: 2 } },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('evaluates JSONata Conditions and assigns the matched rule’s variables', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Route',
        States: {
          Route: {
            Type: 'Choice',
            Choices: [{ Condition: '{% $states.input.n > 1 %}', Assign: { picked: 'many' }, Next: 'Read' }],
            Default: 'Read',
          },
          Read: { Type: 'Pass', Output: '{% $picked %}', End: true },
        },
      },
      { input: { n: 3 } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: 'many' });
  });

  it('fails with States.QueryEvaluationError when a Condition is not a boolean', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Route',
        States: {
          Route: {
            Type: 'Choice',
            Choices: [{ Condition: '{% $states.input.n %}', Next: 'Done' }],
            Default: 'Done',
          },
          Done: { Type: 'Succeed' },
        },
      },
      { input: { n: 3 } },
    );
    expect(await execution.result()).toMatchObject({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
    });
    expect(eventTypes(execution.history())).toContain('EvaluationFailed');
  });
});
