import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  choice,
  type ErrorOutput,
  eq,
  fail,
  goto,
  type OutputOf,
  pass,
  raw,
  States,
  succeed,
} from '../index';
import { type Order, start } from './fixtures';

describe('raw states with retriers and catchers', () => {
  it('hand the catch handler the state input with the error placed by ResultPath', () => {
    start.next(
      raw(
        'R',
        { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke' },
        {
          retry: [{ errors: ['States.Timeout'] }],
          catch: (on) => [
            on({ errors: ['States.ALL'], resultPath: '$.error' }, (handler) => {
              expectTypeOf<OutputOf<typeof handler>['error']>().toEqualTypeOf<ErrorOutput>();
              expectTypeOf<OutputOf<typeof handler>['id']>().toEqualTypeOf<string>();
              return handler.next(succeed('Handled'));
            }),
          ],
        },
      ),
    );
  });

  it('keep the output schema, alone or among the options', () => {
    const Legacy = z.object({ legacy: z.boolean() });
    const alone = start.next(raw('R', { Type: 'Task', Resource: 'x' }, Legacy));
    const inOptions = start.next(raw('R', { Type: 'Task', Resource: 'x' }, { output: Legacy }));
    expectTypeOf<OutputOf<typeof alone>>().toEqualTypeOf<{ legacy: boolean }>();
    expectTypeOf<OutputOf<typeof inOptions>>().toEqualTypeOf<{ legacy: boolean }>();
  });

  it('reject catchers on states that take none, and handlers that read what is not there', () => {
    // @ts-expect-error A Pass state has no Catch.
    raw('R', { Type: 'Pass' }, { catch: () => [] });
    start.next(
      raw(
        'R',
        { Type: 'Task', Resource: 'x' },
        {
          catch: (on) => [
            // @ts-expect-error Without ResultPath the handler receives the error output only.
            on({ errors: ['States.ALL'] }, (h) => h.next(pass('P', { inputPath: (s) => s.id }))),
          ],
        },
      ),
    );
  });
});

describe('goto by name', () => {
  it('takes the data type of the chain it ends', () => {
    const loop = goto<Order, {}>('Check');
    expectTypeOf<OutputOf<typeof loop>>().toEqualTypeOf<never>();
    start.next(
      choice('Check', (c) =>
        c.when((s) => s.paid, eq(false), pass('Wait').next(goto('Check'))).otherwise(succeed('Done')),
      ),
    );
  });

  it('ends the chain: nothing follows it', () => {
    // @ts-expect-error A goto ends the chain.
    start.next(goto('Check')).next(pass('After'));
  });
});

describe('fail with intrinsic calls', () => {
  it('accepts selectors that build the error and cause with intrinsics', () => {
    start.next(
      fail('F', { error: (s) => States.Format('E{}', s.id), cause: (s) => States.JsonToString(s.lines) }),
    );
  });

  it('rejects intrinsics that do not give a string', () => {
    // @ts-expect-error ErrorPath must give a string; States.ArrayLength gives a number.
    start.next(fail('F', { error: (s) => States.ArrayLength(s.lines) }));
  });
});
