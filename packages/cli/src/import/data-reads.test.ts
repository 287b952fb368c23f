import { describe, expect, it } from 'vitest';
import { assumedType, readsAfter, readsData } from './data-reads';

describe('reads of the data', () => {
  it('are JSONPath paths below the root, wherever a state reads', () => {
    expect(readsData({ Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: true }] })).toBe(true);
    expect(readsData({ Type: 'Pass', Parameters: { 'n.$': "States.Format('{}', $.n)" } })).toBe(true);
    expect(readsData({ Type: 'Pass', Parameters: { 'all.$': '$', 'id.$': '$$.Execution.Id' } })).toBe(false);
    expect(readsData({ Type: 'Pass', ResultPath: '$.x', Result: { text: '$.not.a.path' } })).toBe(false);
  });

  it('count after a state when a state its Next leads to makes them', () => {
    const states = {
      Call: { Type: 'Task', Next: 'Route' },
      Route: { Type: 'Choice', Choices: [{ Variable: '$$.State.Name', StringEquals: 'x', Next: 'Use' }] },
      Use: { Type: 'Pass', InputPath: '$.value', End: true },
      Last: { Type: 'Task', End: true },
    };
    expect(readsAfter(states, 'Call')).toBe(true);
    expect(readsAfter(states, 'Use')).toBe(false);
    expect(readsAfter(states, 'Last')).toBe(false);
  });

  it('assume the merged data, or the part a ResultPath places the result in', () => {
    expect(assumedType(undefined)).toBe('Data');
    expect(assumedType('$')).toBe('Data');
    expect(assumedType("$.a['b c']")).toBe('NonNullable<NonNullable<Data["a"]>["b c"]>');
    expect(assumedType('$.a[0]')).toBeUndefined();
  });
});
