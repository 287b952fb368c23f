import { StepwiseError, validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConflictingTransitionError,
  choice,
  DanglingBranchError,
  DuplicateStateNameError,
  eq,
  ForbiddenPathSegmentError,
  from,
  goto,
  gt,
  jsonata,
  NonFiniteNumberError,
  pass,
  QueryLanguageMixError,
  States,
  succeed,
  task,
  UnknownStateError,
  UnsupportedExpressionError,
  wait,
  workflow,
} from '../index';
import { everyState, jsonataStates } from './all-states.fixture';

const Input = z.object({ n: z.number(), name: z.string() });
const errorsOf = (definition: unknown) =>
  validate(definition).diagnostics.filter((d) => d.severity === 'ERROR');

describe('compiling workflows', () => {
  it('refuses a number JSON cannot hold, naming where it is', () => {
    const waiting = workflow({ input: Input }).start(wait('Nap', { seconds: Number.NaN }));
    expect(() => waiting.compile()).toThrow(NonFiniteNumberError);
    expect(() => waiting.compile()).toThrow('The definition holds NaN at /States/Nap/Seconds');
  });

  it('keeps a state named __proto__ as a state', () => {
    const definition = workflow({ input: Input }).start(pass('__proto__')).compile();
    expect(Object.keys(definition.States)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(definition))).toEqual(
      JSON.parse('{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","End":true}}}'),
    );
    expect(errorsOf(definition)).toEqual([]);
  });

  it('writes every state type in JSONPath so that the validator finds no error', () => {
    expect(errorsOf(everyState.compile())).toEqual([]);
  });

  it('writes the same builders as JSONata so that the validator finds no error', () => {
    const definition = jsonataStates.compile();
    expect(definition.QueryLanguage).toBe('JSONata');
    expect(errorsOf(definition)).toEqual([]);
  });

  it('lists states in the order the code created them, catch handlers after their state', () => {
    expect(Object.keys(everyState.compile().States).slice(0, 3)).toEqual([
      'Price',
      'Pricing Failed',
      'Pause',
    ]);
  });

  it('produces the same JSON text on every compile', () => {
    expect(everyState.toJSON()).toBe(everyState.toJSON());
    expect(JSON.parse(everyState.toJSON(2))).toEqual(everyState.compile());
  });

  it('marks a JSONata state inside a JSONPath workflow with its QueryLanguage', () => {
    const wf = workflow({ input: Input }).define((s) =>
      s.next(pass('Shape', { output: (i) => ({ doubled: i.n }) })).next(pass('Keep')),
    );
    expect(wf.compile().States).toEqual({
      Shape: {
        Type: 'Pass',
        QueryLanguage: 'JSONata',
        Output: { doubled: '{% $states.input.n %}' },
        Next: 'Keep',
      },
      Keep: { Type: 'Pass', End: true },
    });
  });

  it('writes a task’s Comment', () => {
    const wf = workflow({ input: Input }).start(
      task('Call', { resource: 'arn:aws:lambda:region:account-id:function:F', comment: 'Calls F' }),
    );
    expect(wf.compile().States.Call).toMatchObject({ Comment: 'Calls F' });
  });

  it('writes a QueryLanguage equal to the workflow’s only on the states that ask for it', () => {
    const wf = workflow({ input: Input, queryLanguage: 'JSONata' }).define((s) =>
      s
        .next(pass('Plain', { queryLanguage: 'JSONata' }))
        .next(
          task('Call', { resource: 'arn:aws:lambda:region:account-id:function:F', writeQueryLanguage: true }),
        )
        .next(succeed('Done', { queryLanguage: 'JSONata', writeQueryLanguage: true })),
    );
    expect(wf.compile().States).toEqual({
      Plain: { Type: 'Pass', Next: 'Call' },
      Call: {
        Type: 'Task',
        QueryLanguage: 'JSONata',
        Resource: 'arn:aws:lambda:region:account-id:function:F',
        Next: 'Done',
      },
      Done: { Type: 'Succeed', QueryLanguage: 'JSONata' },
    });
  });

  it('keeps a literal string that looks like JSONata a literal', () => {
    const wf = workflow({ input: Input, queryLanguage: 'JSONata' }).start(
      pass('P', { output: () => ({ text: '{% 1 %}' }) }),
    );
    expect(wf.compile().States.P).toMatchObject({ Output: { text: '{% "{% 1 %}" %}' } });
  });

  it('leaves a shared prefix untouched when it is extended twice', () => {
    const prefix = from<{ n: number }>().next(pass('A'));
    const one = prefix.next(pass('B'));
    const two = prefix.next(pass('C'));
    expect(prefix.graph?.ends.map((n) => n.name)).toEqual(['A']);
    expect(one.graph?.nodes.map((n) => n.name)).toEqual(['A', 'B']);
    expect(two.graph?.nodes.map((n) => n.name)).toEqual(['A', 'C']);
  });

  it('writes a loop back with goto', () => {
    const poll = task('Poll', {
      resource: 'arn:aws:lambda:region:account-id:function:Poll',
      result: z.object({ done: z.boolean() }),
    });
    const wf = workflow({ input: Input }).start(
      poll.next(
        choice('Done?', (c) => c.when((s) => s.done, eq(false), goto(poll)).otherwise(pass('Finish'))),
      ),
    );
    expect(wf.compile().States['Done?']).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'Poll' }],
      Default: 'Finish',
    });
    expect(errorsOf(wf.compile())).toEqual([]);
  });

  it('writes intrinsic calls with escaped literals', () => {
    const wf = workflow({ input: Input }).start(
      pass('P', {
        parameters: (s) => ({ msg: States.Format("it's {} {}", s.name, States.MathAdd(s.n, 1)) }),
      }),
    );
    expect(wf.compile().States.P).toMatchObject({
      Parameters: { 'msg.$': "States.Format('it\\'s {} {}', $.name, States.MathAdd($.n, 1))" },
    });
  });
});

describe('builder misuse the types cannot catch', () => {
  it('refuses two different states with the same name, naming it', () => {
    const wf = workflow({ input: Input }).start(pass('Twice').next(pass('Twice')));
    expect(() => wf.compile()).toThrow(DuplicateStateNameError);
    expect(() => wf.compile()).toThrow(/"Twice"/);
  });

  it('refuses a loop back to a state that is not in the workflow', () => {
    const elsewhere = pass('Elsewhere');
    const wf = workflow({ input: Input }).start(pass('Start').next(goto(elsewhere)));
    expect(() => wf.compile()).toThrow(UnknownStateError);
  });

  it('refuses a Choice without rules', () => {
    const wf = workflow({ input: Input }).start(choice('Empty', (c) => c.otherwise(pass('X'))));
    expect(() => wf.compile()).toThrow(DanglingBranchError);
  });

  it('refuses a state given two different successors', () => {
    const shared = pass('Shared');
    const a = shared.next(pass('A'));
    expect(() =>
      workflow({ input: Input }).start(
        choice('C', (c) => c.when((s) => s.n, gt(1), a).otherwise(shared.next(pass('B')))),
      ),
    ).toThrow(ConflictingTransitionError);
  });

  it('refuses a JSONPath state in a JSONata workflow', () => {
    const wf = workflow({ input: Input, queryLanguage: 'JSONata' }).start(
      pass('P', { queryLanguage: 'JSONPath' }) as never,
    );
    expect(() => wf.compile()).toThrow(QueryLanguageMixError);
  });

  it('refuses prototype-reaching segments in selectors', () => {
    const prototypeKey = '__proto__';
    const wf = workflow({ input: Input }).start(
      pass('P', { inputPath: (s) => (s as unknown as Record<string, unknown>)[prototypeKey] }),
    );
    expect(() => wf.compile()).toThrow(ForbiddenPathSegmentError);
  });

  it('refuses computing with data inside a selector', () => {
    const wf = workflow({ input: Input }).start(pass('P', { parameters: (s) => ({ next: s.n + 1 }) }));
    expect(() => wf.compile()).toThrow(UnsupportedExpressionError);
  });

  it('refuses an intrinsic function in a JSONata state and JSONata in a JSONPath state', () => {
    const a = workflow({ input: Input, queryLanguage: 'JSONata' }).start(
      pass('P', { output: () => ({ id: States.UUID() }) }),
    );
    expect(() => a.compile()).toThrow(/intrinsic function of JSONPath/);
    const b = workflow({ input: Input }).start(pass('P', { parameters: () => ({ id: jsonata('$uuid()') }) }));
    expect(() => b.compile()).toThrow(UnsupportedExpressionError);
  });

  it('throws errors that are StepwiseErrors with stable codes', () => {
    const error = new DuplicateStateNameError('X');
    expect(error).toBeInstanceOf(StepwiseError);
    expect(error.code).toBe('BUILDER_DUPLICATE_STATE_NAME');
  });
});
