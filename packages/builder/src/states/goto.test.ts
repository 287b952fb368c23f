import { validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { choice, eq, goto, pass, succeed, UnknownStateError, workflow } from '../index';

const Input = z.object({ more: z.boolean() });

describe('goto by name', () => {
  it('loops back into the Choice whose branch it ends', () => {
    const wf = workflow({ input: Input }).define((start) =>
      start.next(
        choice('Check', (c) =>
          c.when((s) => s.more, eq(true), pass('Work').next(goto('Check'))).otherwise(succeed('Done')),
        ),
      ),
    );
    const definition = wf.compile();
    expect(definition.States).toEqual({
      Check: {
        Type: 'Choice',
        Choices: [{ Variable: '$.more', BooleanEquals: true, Next: 'Work' }],
        Default: 'Done',
      },
      Work: { Type: 'Pass', Next: 'Check' },
      Done: { Type: 'Succeed' },
    });
    expect(validate(definition).diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
  });

  it('stands for the same state when a goto is made from it', () => {
    const back = goto<{ more: boolean }, {}>('Check');
    const wf = workflow({ input: Input }).define((start) =>
      start.next(
        choice('Check', (c) => c.when((s) => s.more, eq(true), goto(back)).otherwise(succeed('Done'))),
      ),
    );
    expect(wf.compile().States.Check).toMatchObject({ Choices: [{ Next: 'Check' }] });
  });

  it('refuses a name that is not a state of the scope, naming both states', () => {
    const wf = workflow({ input: Input }).define((start) => start.next(pass('Work').next(goto('Elsewhere'))));
    expect(() => wf.compile()).toThrow(UnknownStateError);
    expect(() => wf.compile()).toThrow('State "Work" transitions to "Elsewhere"');
  });
});
