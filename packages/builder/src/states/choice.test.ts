import { validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  and,
  choice,
  commented,
  eq,
  jsonata,
  numeric,
  succeed,
  test,
  text,
  timestamp,
  workflow,
} from '../index';

const Claim = z.object({ amount: z.number(), limit: z.number(), owner: z.string(), filedAt: z.string() });
const errorsOf = (definition: unknown) =>
  validate(definition).diagnostics.filter((d) => d.severity === 'ERROR');

describe('choice', () => {
  it('compares a field with another through when, the other read by a selector', () => {
    const wf = workflow({ input: Claim }).define((start) =>
      start.next(
        choice('Route', (c) =>
          c
            .when(
              (s) => s.amount,
              numeric.gt((s) => s.limit),
              succeed('Over'),
            )
            .when(
              '$.filedAt',
              timestamp.lt((s) => s.filedAt),
              succeed('Never'),
            )
            .whenWith(
              (s) => s.owner,
              text.eq((_s, ctx) => ctx.Execution.Name),
              { next: succeed('Own') },
            )
            .otherwise(succeed('Under')),
        ),
      ),
    );
    const definition = wf.compile();
    expect(definition.States.Route).toMatchObject({
      Choices: [
        { Variable: '$.amount', NumericGreaterThanPath: '$.limit', Next: 'Over' },
        { Variable: '$.filedAt', TimestampLessThanPath: '$.filedAt', Next: 'Never' },
        { Variable: '$.owner', StringEqualsPath: '$$.Execution.Name', Next: 'Own' },
      ],
    });
    expect(errorsOf(definition)).toEqual([]);
  });

  it('writes a Comment on a rule and on the rules inside it', () => {
    const wf = workflow({ input: Claim }).define((start) =>
      start.next(
        choice('Route', (c) =>
          c
            .whenWith((s) => s.amount, eq(0), { comment: 'Nothing to pay', next: succeed('Zero') })
            .whenRule(
              (s) => commented(and(commented(test(s.amount, eq(1)), 'one'), test(s.owner, eq('me'))), 'mine'),
              succeed('Mine'),
            ),
        ),
      ),
    );
    const definition = wf.compile();
    expect(definition.States.Route).toEqual({
      Type: 'Choice',
      Choices: [
        { Variable: '$.amount', NumericEquals: 0, Comment: 'Nothing to pay', Next: 'Zero' },
        {
          And: [
            { Variable: '$.amount', NumericEquals: 1, Comment: 'one' },
            { Variable: '$.owner', StringEquals: 'me' },
          ],
          Comment: 'mine',
          Next: 'Mine',
        },
      ],
    });
    expect(errorsOf(definition)).toEqual([]);
  });

  it('writes hand-written JSONata conditions and constants exactly as given', () => {
    const wf = workflow({ input: Claim, queryLanguage: 'JSONata' }).define((start) =>
      start.next(
        choice('Route', (c) =>
          c
            .whenRuleWith(() => jsonata<boolean>("{% $states.input.owner = 'me' %}"), {
              comment: 'mine',
              output: () => 'claimed',
              // A function, so the branch is typed once the rule's Output is known.
              next: (branch) => branch.next(succeed('Mine')),
            })
            .whenRule(() => true, succeed('Always')),
        ),
      ),
    );
    expect(wf.compile().States.Route).toEqual({
      Type: 'Choice',
      Choices: [
        { Condition: "{% $states.input.owner = 'me' %}", Comment: 'mine', Output: 'claimed', Next: 'Mine' },
        { Condition: true, Next: 'Always' },
      ],
    });
  });

  it('writes its QueryLanguage where it equals the workflow’s when asked to', () => {
    const wf = workflow({ input: Claim }).define((start) =>
      start.next(
        choice('Route', (c) => c.when((s) => s.amount, eq(0), succeed('Zero')), {
          queryLanguage: 'JSONPath',
          writeQueryLanguage: true,
        }),
      ),
    );
    expect(wf.compile().States.Route).toMatchObject({ QueryLanguage: 'JSONPath' });
  });
});
