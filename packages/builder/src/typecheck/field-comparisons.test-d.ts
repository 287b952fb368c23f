import { describe, expectTypeOf, it } from 'vitest';
import {
  bool,
  choice,
  commented,
  eq,
  goto,
  jsonata,
  numeric,
  type OutputOf,
  pass,
  succeed,
  test,
  text,
  timestamp,
} from '../index';
import { start } from './fixtures';

describe('when compares a field with another field', () => {
  it('accepts fields of the same kind, the other read by a selector typed like the rule', () => {
    const c = start.next(
      choice('C', (c) =>
        c
          .when(
            (s) => s.total,
            numeric.gte((s) => s.total),
            succeed('A'),
          )
          .when(
            '$.placedAt',
            timestamp.lt((s) => s.placedAt),
            succeed('B'),
          )
          .when(
            (s) => s.id,
            text.eq((s) => s.customer.email),
            succeed('C'),
          )
          .when(
            (s) => s.paid,
            bool.eq((_s, _ctx, vars) => vars.discount > 0),
            succeed('D'),
          )
          .when(
            (s) => s.note,
            text.eq((s) => s.note),
            succeed('E'),
          )
          .otherwise(succeed('F')),
      ),
    );
    expectTypeOf<OutputOf<typeof c>>().toEqualTypeOf<never>();
  });

  it('rejects fields of different kinds and fields that do not exist', () => {
    start.next(
      choice('C', (c) =>
        c.when(
          (s) => s.total,
          // @ts-expect-error numeric.lt compares numbers: `id` is a string.
          numeric.lt((s) => s.id),
          succeed('X'),
        ),
      ),
    );
    start.next(
      choice('C', (c) =>
        c.when(
          (s) => s.id,
          // @ts-expect-error The compared field is a string, so numeric comparisons do not apply.
          numeric.lt((s) => s.total),
          succeed('X'),
        ),
      ),
    );
    start.next(
      choice('C', (c) =>
        c.when(
          (s) => s.total,
          // @ts-expect-error The other field must exist.
          numeric.lt((s) => s.limit),
          succeed('X'),
        ),
      ),
    );
    start.next(
      choice('C', (c) =>
        c.when(
          '$.placedAt',
          // @ts-expect-error Timestamps are strings: `total` is not one.
          timestamp.gt((s) => s.total),
          succeed('X'),
        ),
      ),
    );
  });
});

describe('rules written by hand', () => {
  it('take JSONata conditions, constants and comments', () => {
    start.next(
      choice(
        'C',
        (c) =>
          c
            .whenRule(() => jsonata<boolean>('{% $states.input.paid %}'), succeed('A'))
            .whenRuleWith(() => true, { comment: 'always', next: succeed('B') }),
        { queryLanguage: 'JSONata' },
      ),
    );
    start.next(choice('C', (c) => c.whenRule((s) => commented(test(s.total, eq(1)), 'one'), succeed('A'))));
  });

  it('reject a JSONata expression that is not a condition, and comments on anything but a rule', () => {
    // @ts-expect-error A condition evaluates to a boolean.
    start.next(choice('C', (c) => c.whenRule(() => jsonata<number>('{% 1 %}'), succeed('A'))));
    // @ts-expect-error commented() takes a rule built with test, and, or or not.
    commented(jsonata<boolean>('{% true %}'), 'x');
  });
});

describe('a rule with its own Output and Assign', () => {
  it('types its target from them, whether the target is a function or a goto', () => {
    start.next(
      choice(
        'C',
        (c) =>
          c
            .assign((s) => ({ seen: s.id }))
            .whenWith((s) => s.paid, eq(true), {
              assign: (s) => ({ seen: s.total }),
              output: (s) => ({ amount: s.total }),
              next: (paid) => paid.next(pass('Paid', { output: (p) => ({ cents: p.amount }) })),
            })
            .whenWith((s) => s.paid, eq(false), { assign: () => ({ seen: 'no' }), next: goto('C') })
            .otherwise(succeed('Done')),
        { queryLanguage: 'JSONata' },
      ),
    );
  });
});
