/**
 * AWS's "Parallel workflow state": every branch gets the state's (filtered) input, the output is
 * the array of branch outputs in branch order, and ResultSelector/ResultPath work on that array.
 */
import { describe, expect, it } from 'vitest';
import { specRuntime } from '../testing/spec-runtime';

const branch = (name: string, state: Record<string, unknown>) => ({
  StartAt: name,
  States: { [name]: { ...state, End: true } },
});

describe('Parallel, as documented', () => {
  it('gives each branch the Parameters, and applies ResultSelector and ResultPath to the array of results', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Parameters: { 'n.$': '$.n' },
            Branches: [
              branch('Double', { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($.n, $.n)' } }),
              branch('Same', { Type: 'Pass' }),
            ],
            ResultSelector: { 'first.$': '$[0].v', 'second.$': '$[1].n' },
            ResultPath: '$.results',
            End: true,
          },
        },
      },
      { input: { n: 4, keep: true } },
    );
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { n: 4, keep: true, results: { first: 8, second: 4 } },
    });
  });

  it('in JSONata gives each branch the Arguments and exposes the array as $states.result', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Arguments: { n: '{% $states.input.n %}' },
            Branches: [
              branch('A', { Type: 'Pass', Output: '{% $states.input.n + 1 %}' }),
              branch('B', { Type: 'Pass', Output: '{% $states.input.n + 2 %}' }),
            ],
            Output: { sum: '{% $sum($states.result) %}' },
            End: true,
          },
        },
      },
      { input: { n: 1 } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { sum: 5 } });
  });

  it('fails as a whole with the error and cause of a branch that fails', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            branch('Ok', { Type: 'Pass' }),
            { StartAt: 'No', States: { No: { Type: 'Fail', Error: 'E', Cause: 'C' } } },
          ],
          End: true,
        },
      },
    });
    expect(result).toEqual({ status: 'FAILED', error: 'E', cause: 'C' });
  });
});
