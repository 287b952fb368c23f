import { validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fail, pass, raw, workflow } from '../index';

const Input = z.object({ id: z.string() });
const resource = 'arn:aws:states:::lambda:invoke';

describe('raw states', () => {
  it('take retriers and catchers whose handlers are chains, like a typed task', () => {
    const wf = workflow({ input: Input }).define((start) =>
      start
        .next(
          raw(
            'Call',
            { Type: 'Task', Resource: resource, Parameters: { 'id.$': '$.id' } },
            {
              retry: [{ errors: ['States.Timeout'], maxAttempts: 2 }],
              catch: (on) => [
                on({ errors: ['States.ALL'], resultPath: '$.error' }, (handler) =>
                  handler.next(fail('Failed', { cause: (s) => s.error.Cause })),
                ),
              ],
            },
          ),
        )
        .next(pass('Done')),
    );
    const definition = wf.compile();
    expect(definition.States.Call).toEqual({
      Type: 'Task',
      Resource: resource,
      Parameters: { 'id.$': '$.id' },
      Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
      Next: 'Done',
    });
    expect(definition.States.Failed).toEqual({ Type: 'Fail', CausePath: '$.error.Cause' });
    expect(validate(definition).diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
  });

  it('write a JSONata catcher’s Output in the state’s own language', () => {
    const wf = workflow({ input: Input }).define((start) =>
      start.next(
        raw(
          'Call',
          { Type: 'Task', QueryLanguage: 'JSONata', Resource: resource, Arguments: { Payload: 'x' } },
          {
            catch: (on) => [
              on(
                { errors: ['States.ALL'], output: (error, _ctx, _vars, input) => ({ error, input }) },
                pass('Fallback'),
              ),
            ],
          },
        ),
      ),
    );
    expect(wf.compile().States.Call).toMatchObject({
      QueryLanguage: 'JSONata',
      Catch: [
        {
          ErrorEquals: ['States.ALL'],
          Output: { error: '{% $states.errorOutput %}', input: '{% $states.input %}' },
          Next: 'Fallback',
        },
      ],
    });
  });

  it('keep Retry written in the ASL ahead of the retriers given as options', () => {
    const wf = workflow({ input: Input }).define((start) =>
      start.next(
        raw(
          'Call',
          { Type: 'Task', Resource: resource, Retry: [{ ErrorEquals: ['A'] }] },
          { retry: [{ errors: ['B'] }] },
        ),
      ),
    );
    expect(wf.compile().States.Call).toMatchObject({
      Retry: [{ ErrorEquals: ['A'] }, { ErrorEquals: ['B'] }],
    });
  });

  it('take the output schema alone or among the options', () => {
    const Out = z.object({ legacy: z.boolean() });
    const alone = workflow({ input: Input }).define((start) =>
      start.next(raw('R', { Type: 'Task', Resource: resource }, Out)),
    );
    const inOptions = workflow({ input: Input }).define((start) =>
      start.next(raw('R', { Type: 'Task', Resource: resource }, { output: Out })),
    );
    expect(alone.schemas.states.R).toEqual({ result: Out });
    expect(inOptions.schemas.states.R).toEqual({ result: Out });
  });

  it('write their QueryLanguage where it equals the workflow’s only when asked to', () => {
    const state = { Type: 'Pass', QueryLanguage: 'JSONPath' } as const;
    const plain = workflow({ input: Input }).define((start) => start.next(raw('P', state)));
    const written = workflow({ input: Input }).define((start) =>
      start.next(raw('P', state, { writeQueryLanguage: true })),
    );
    expect(plain.compile().States.P).toEqual({ Type: 'Pass', End: true });
    expect(written.compile().States.P).toEqual({ Type: 'Pass', QueryLanguage: 'JSONPath', End: true });
  });
});
