import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, selectorFunction } from './selector-code';

describe('selectorFunction', () => {
  it.each([
    ['s.order?.id', '(s) => s.order?.id'],
    ['ctx.Execution.Id', '(_s, ctx) => ctx.Execution.Id'],
    ['{ total: v.total }', '(_s, _ctx, v) => ({ total: v.total })'],
    ["{ fixed: 'its value' }", "() => ({ fixed: 'its value' })"],
  ])('takes only the parameters %s reads', (body, code) => {
    expect(selectorFunction(body, INPUT_NAMES)).toBe(code);
  });
});
