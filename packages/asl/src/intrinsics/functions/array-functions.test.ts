import { describe, expect, it } from 'vitest';
import { IntrinsicFailureError } from '../intrinsic-errors';
import { run } from '../test-support';

describe('array intrinsics', () => {
  it('States.Array collects its arguments in order', () => {
    expect(run("States.Array('a', 1, null, $.x)", { x: [true] })).toEqual(['a', 1, null, [true]]);
    expect(run('States.Array()')).toEqual([]);
  });

  it('States.ArrayPartition chunks, leaving a shorter last chunk', () => {
    expect(run('States.ArrayPartition($.a, 3)', { a: [0, 1, 2, 3] })).toEqual([[0, 1, 2], [3]]);
    expect(() => run('States.ArrayPartition($.a, 0)', { a: [1] })).toThrow(
      /chunk size must be greater than 0/,
    );
  });

  it('States.ArrayContains compares by JSON value', () => {
    expect(run('States.ArrayContains($.a, $.b)', { a: [{ x: [1] }], b: { x: [1] } })).toBe(true);
    expect(run('States.ArrayContains($.a, $.b)', { a: [[1, 2]], b: [2, 1] })).toBe(false);
  });

  it('States.ArrayRange includes the end when a step lands on it and caps the length at 1000', () => {
    expect(run('States.ArrayRange(1, 10, 2)')).toEqual([1, 3, 5, 7, 9]);
    expect(run('States.ArrayRange(5, 1, -2)')).toEqual([5, 3, 1]);
    expect(run('States.ArrayRange(1, 1000, 1)')).toHaveLength(1000);
    expect(() => run('States.ArrayRange(0, 1000, 1)')).toThrow(/1001 items, more than the maximum of 1000/);
    expect(() => run('States.ArrayRange(0, 10, 0)')).toThrow(/step must not be 0/);
  });

  it('States.ArrayGetItem fails outside the array', () => {
    expect(run('States.ArrayGetItem($.a, 1)', { a: ['x', 'y'] })).toBe('y');
    const failure = (() => {
      try {
        run('States.ArrayGetItem($.a, 2)', { a: ['x', 'y'] });
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(IntrinsicFailureError);
    expect((failure as IntrinsicFailureError).code).toBe('INTRINSIC_FAILURE');
    expect((failure as IntrinsicFailureError).message).toMatch(
      /index 2 is out of bounds for an array of length 2/,
    );
  });

  it('States.ArrayUnique keeps the first of equal values, comparing objects by value', () => {
    expect(
      run('States.ArrayUnique($.a)', { a: [1, 2, 2, { a: 1, b: 2 }, { b: 2, a: 1 }, null, null] }),
    ).toEqual([1, 2, { a: 1, b: 2 }, null]);
  });

  it('States.ArrayUnique tells apart values whose texts could be confused', () => {
    const items = ['1', 1, [1], { '1': 1 }, 'null', null, true, 'true', [], {}, [[]], [{}], -0, 0];
    expect(run('States.ArrayUnique($.a)', { a: items })).toEqual(items.slice(0, -1));
  });

  it('States.ArrayUnique goes through a large array in one pass', () => {
    const a = Array.from({ length: 40_000 }, (_, i) => ({ n: i % 20_000, tag: 'x' }));
    expect(run('States.ArrayUnique($.a)', { a })).toHaveLength(20_000);
  });

  it('refuses a non-array where an array is needed, naming the function and the value', () => {
    expect(() => run('States.ArrayLength($.a)', { a: 'abc' })).toThrow(
      'Invalid arguments in States.ArrayLength: argument 1 must be an array but was string: "abc"',
    );
  });
});
