import { describe, expect, it } from 'vitest';
import { run } from '../test-support';

describe('math intrinsics', () => {
  it.each([
    [1.49, 1.5, 3],
    [-0.5, 0, 0],
    [-2.5, 0, -2],
    [-1.5, -1.51, -3],
    [0.5, 0, 1],
  ])('States.MathAdd(%d, %d) rounds each operand half up first: %d', (a, b, sum) => {
    const result = run('States.MathAdd($.a, $.b)', { a, b });
    expect(result).toBe(sum);
    expect(Object.is(result, -0)).toBe(false);
  });

  it('States.MathAdd refuses values outside the 32-bit integer range', () => {
    expect(() => run('States.MathAdd($.a, 1)', { a: 2 ** 31 })).toThrow(/between -2147483648 and 2147483647/);
  });

  it('States.MathRandom draws from [start, end) using the injected source', () => {
    expect(run('States.MathRandom(1, 10)', {}, { random: () => 0 })).toBe(1);
    expect(run('States.MathRandom(1, 10)', {}, { random: () => 0.999999 })).toBe(9);
    expect(() => run('States.MathRandom(5, 5)')).toThrow(/must be greater than the start/);
  });

  it('States.MathRandom with a seed is repeatable and ignores the injected source', () => {
    const first = run('States.MathRandom(0, 999, 3)', {}, { random: () => 0 });
    const second = run('States.MathRandom(0, 999, 3)', {}, { random: () => 0.9 });
    expect(first).toBe(second);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(999);
  });
});
