import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonataScopeStateSchema, jsonPathScopeStateSchema, stateMachineSchema } from './state-machine';

const machine = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  StartAt: Object.keys(states)[0],
  States: states,
  ...extra,
});
const jsonata = { QueryLanguage: 'JSONata' };

const issuesOf = (input: unknown) => {
  const result = stateMachineSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('stateMachineSchema', () => {
  it('accepts a minimal JSONPath machine and a minimal JSONata machine', () => {
    expect(issuesOf(machine({ Done: { Type: 'Succeed' } }))).toEqual([]);
    expect(issuesOf(machine({ Done: { Type: 'Pass', Output: '{% 1 %}', End: true } }, jsonata))).toEqual([]);
  });

  it('rejects unknown top-level fields and unknown query languages', () => {
    expect(issuesOf(machine({ Done: { Type: 'Succeed' } }, { Extra: 1 }))).not.toEqual([]);
    expect(issuesOf(machine({ Done: { Type: 'Succeed' } }, { QueryLanguage: 'XPath' }))).not.toEqual([]);
  });

  it('reports a field of the other query language at that field', () => {
    const issues = issuesOf(machine({ P: { Type: 'Pass', InputPath: '$', End: true } }, jsonata));
    expect(issues).toEqual([{ path: 'States.P', message: expect.stringContaining('InputPath') }]);
  });

  it('lets a JSONPath machine switch one state to JSONata', () => {
    const def = machine({
      A: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input %}', Next: 'B' },
      B: { Type: 'Pass', InputPath: '$.x', End: true },
    });
    expect(issuesOf(def)).toEqual([]);
  });

  it('does not let a JSONata machine switch a state back to JSONPath', () => {
    const def = machine({ A: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } }, jsonata);
    expect(issuesOf(def)).not.toEqual([]);
  });

  it('reads a state without QueryLanguage in a JSONPath machine as JSONPath', () => {
    expect(issuesOf(machine({ A: { Type: 'Pass', Output: 1, End: true } }))).not.toEqual([]);
  });

  it('carries the machine language into Parallel branches and Map processors', () => {
    const branch = { StartAt: 'X', States: { X: { Type: 'Pass', Parameters: {}, End: true } } };
    const parallel = { Type: 'Parallel', Branches: [branch], End: true };
    expect(issuesOf(machine({ P: parallel }))).toEqual([]);
    expect(issuesOf(machine({ P: parallel }, jsonata))).not.toEqual([]);
    const map = { Type: 'Map', ItemProcessor: branch, End: true };
    expect(issuesOf(machine({ M: map }, jsonata))).not.toEqual([]);
  });

  it('requires exactly one of Next and End', () => {
    expect(issuesOf(machine({ P: { Type: 'Pass' } }))).toEqual([
      { path: 'States.P', message: 'Exactly one of Next, End is required' },
    ]);
    expect(issuesOf(machine({ P: { Type: 'Pass', Next: 'P', End: true } }))).toEqual([
      { path: 'States.P.End', message: 'Only one of Next, End may be given' },
    ]);
  });

  it('rejects transitions on Choice, Succeed and Fail', () => {
    const choice = { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'S' }], End: true };
    expect(issuesOf(machine({ C: choice, S: { Type: 'Succeed' } }))).not.toEqual([]);
    expect(issuesOf(machine({ S: { Type: 'Succeed', End: true } }))).not.toEqual([]);
    expect(issuesOf(machine({ F: { Type: 'Fail', Next: 'F' } }))).not.toEqual([]);
  });

  it('names the valid types when Type is wrong, instead of listing every union member', () => {
    const issues = issuesOf(machine({ A: { Type: 'Sleep', End: true } }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('States.A.Type');
  });

  it('needs exactly one way of waiting', () => {
    expect(issuesOf(machine({ W: { Type: 'Wait', Seconds: 1, End: true } }))).toEqual([]);
    expect(issuesOf(machine({ W: { Type: 'Wait', Seconds: 1, SecondsPath: '$.s', End: true } }))).not.toEqual(
      [],
    );
    expect(issuesOf(machine({ W: { Type: 'Wait', End: true } }))).not.toEqual([]);
    expect(issuesOf(machine({ W: { Type: 'Wait', Seconds: '{% 1 %}', End: true } }, jsonata))).toEqual([]);
  });

  it('accepts JSONata expressions where JSONata takes numbers, but only expressions', () => {
    const task = (t: unknown) => ({ Type: 'Task', Resource: 'arn:r', TimeoutSeconds: t, End: true });
    expect(issuesOf(machine({ T: task('{% 3 %}') }, jsonata))).toEqual([]);
    expect(issuesOf(machine({ T: task('3') }, jsonata))).not.toEqual([]);
    expect(issuesOf(machine({ T: task('{% 3 %}') }))).not.toEqual([]);
  });

  it('requires exactly one of ItemProcessor and Iterator on Map', () => {
    const processor = { StartAt: 'X', States: { X: { Type: 'Succeed' } } };
    expect(issuesOf(machine({ M: { Type: 'Map', Iterator: processor, End: true } }))).toEqual([]);
    expect(issuesOf(machine({ M: { Type: 'Map', End: true } }))).not.toEqual([]);
    const both = { Type: 'Map', Iterator: processor, ItemProcessor: processor, End: true };
    expect(issuesOf(machine({ M: both }))).not.toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => stateMachineSchema.safeParse(value)).not.toThrow();
        expect(() => stateMachineSchema.safeParse(machine({ A: value }))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('state schemas per scope', () => {
  it('require an explicit QueryLanguage for JSONata states only inside JSONPath machines', () => {
    const state = { Type: 'Succeed', Output: 1 };
    expect(jsonataScopeStateSchema.safeParse(state).success).toBe(true);
    expect(jsonPathScopeStateSchema.safeParse(state).success).toBe(false);
    expect(jsonPathScopeStateSchema.safeParse({ ...state, QueryLanguage: 'JSONata' }).success).toBe(true);
  });
});
