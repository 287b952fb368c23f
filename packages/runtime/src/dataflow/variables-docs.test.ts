/**
 * AWS's "Passing data between states with variables": when Assign takes effect, what it sees,
 * and which scopes can read a variable.
 */
import { describe, expect, it } from 'vitest';
import { specRuntime } from '../testing/spec-runtime';

const run = async (definition: Record<string, unknown>, input: unknown = {}) =>
  specRuntime().runtime.execute(definition, { input });

describe('workflow variables, as documented', () => {
  it('evaluates every Assign expression with the values from before the state, so two variables can swap', async () => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { x: 1, y: 2 }, Next: 'Swap' },
        Swap: { Type: 'Pass', Assign: { x: '{% $y %}', y: '{% $x %}' }, Next: 'Show' },
        Show: { Type: 'Pass', Output: { x: '{% $x %}', y: '{% $y %}' }, End: true },
      },
    });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { x: 2, y: 1 } });
  });

  it('shows a state’s own Output the values from before its Assign; the next state sees the new ones', async () => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { count: 0 }, Next: 'Bump' },
        Bump: {
          Type: 'Pass',
          Assign: { count: '{% $count + 1 %}' },
          Output: { seen: '{% $count %}' },
          Next: 'Show',
        },
        Show: {
          Type: 'Pass',
          Output: { before: '{% $states.input.seen %}', after: '{% $count %}' },
          End: true,
        },
      },
    });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { before: 0, after: 1 } });
  });

  it('lets JSONPath states read a variable, and paths into it, with $name', async () => {
    const result = await run(
      {
        StartAt: 'Init',
        States: {
          Init: { Type: 'Pass', Assign: { order: { lines: ['a', 'b'] }, 'who.$': '$.user' }, Next: 'Use' },
          Use: {
            Type: 'Pass',
            Parameters: {
              'second.$': '$order.lines[1]',
              'count.$': 'States.ArrayLength($order.lines)',
              'who.$': '$who',
            },
            End: true,
          },
        },
      },
      { user: 'ana' },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { second: 'b', count: 2, who: 'ana' } });
  });

  it('lets a Map iteration read outer variables but keeps what it assigns to itself', async () => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { factor: 10 }, Next: 'Each' },
        Each: {
          Type: 'Map',
          Items: '{% [1, 2] %}',
          ItemProcessor: {
            StartAt: 'Scale',
            States: {
              Scale: {
                Type: 'Pass',
                Assign: { inner: true },
                Output: '{% $states.input * $factor %}',
                End: true,
              },
            },
          },
          Next: 'After',
        },
        After: {
          Type: 'Pass',
          Output: { scaled: '{% $states.input %}', inner: '{% $exists($inner) %}' },
          End: true,
        },
      },
    });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { scaled: [10, 20], inner: false } });
  });

  it('on a caught error applies the catcher’s Assign, not the state’s, with $states.errorOutput', async () => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Parallel',
          Assign: { ok: true },
          Branches: [{ StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Oops', Cause: 'bad' } } }],
          Catch: [
            {
              ErrorEquals: ['States.ALL'],
              Assign: { why: '{% $states.errorOutput.Cause %}' },
              Next: 'Report',
            },
          ],
          End: true,
        },
        Report: { Type: 'Pass', Output: { ok: '{% $exists($ok) %}', why: '{% $why %}' }, End: true },
      },
    });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { ok: false, why: 'bad' } });
  });

  it('applies the Assign of the Choice rule that matched', async () => {
    const result = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Pick',
        States: {
          Pick: {
            Type: 'Choice',
            Choices: [
              { Condition: '{% $states.input.n > 10 %}', Assign: { size: 'big' }, Next: 'Show' },
              { Condition: '{% $states.input.n > 0 %}', Assign: { size: 'small' }, Next: 'Show' },
            ],
            Default: 'Show',
          },
          Show: { Type: 'Pass', Output: '{% $size %}', End: true },
        },
      },
      { n: 3 },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: 'small' });
  });

  it('fails with States.QueryEvaluationError when an expression reads a variable never assigned', async () => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'Use',
      States: { Use: { Type: 'Pass', Output: '{% $never %}', End: true } },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
  });
});
