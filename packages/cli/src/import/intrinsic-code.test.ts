import { describe, expect, it } from 'vitest';
import { intrinsicCode } from './intrinsic-code';

const names = { data: 's', context: 'ctx', vars: 'v' };

describe('intrinsicCode', () => {
  it.each([
    ["States.Format('{}', $.Error)", "States.Format('{}', s.Error)"],
    [
      "States.Format('It\\'s {} of {}', $.a.b, States.MathAdd($.n, -1))",
      "States.Format('It\\'s {} of {}', s.a?.b, States.MathAdd(s.n, -1))",
    ],
    ["States.StringSplit($$.Execution.Name, '\\{')", "States.StringSplit(ctx.Execution.Name, '{')"],
    ['States.Array(1, true, null, $total)', 'States.Array(1, true, null, v.total)'],
    ['States.UUID()', 'States.UUID()'],
  ])('writes %s as the typed call %s', (text, code) => {
    expect(intrinsicCode(text, names)).toBe(code);
  });

  it.each([
    "States.Format('{}',$.a)",
    "States.Format('{}', $.items[*])",
    'States.MathAdd($.n, 1.0)',
    "States.Format('\\{}', $.a)",
    'States.Teleport($.a)',
    '$.a',
    "States.Format('{}', $.a) ",
  ])('refuses %s, which the builder would not write back the same', (text) => {
    expect(intrinsicCode(text, names)).toBeUndefined();
  });
});
