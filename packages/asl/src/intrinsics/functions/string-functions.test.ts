import { describe, expect, it } from 'vitest';
import { run } from '../test-support';

describe('string intrinsics', () => {
  it('States.Format renders values the way AWS does', () => {
    const input = { o: { Arg1: 1, Arg2: [] }, l: ['a', { b: null }], n: 1.1, z: null, t: true };
    expect(run("States.Format('{} {} {} {} {}', $.o, $.l, $.n, $.z, $.t)", input)).toBe(
      '{Arg1=1, Arg2=[]} [a, {b=null}] 1.1 null true',
    );
  });

  it('States.Format leaves escaped braces as text', () => {
    expect(run("States.Format('\\{\\} {} \\{x\\}', 'v')")).toBe('{} v {x}');
  });

  it('States.Format checks placeholders against values when the template comes from data', () => {
    expect(() => run('States.Format($.t, 1)', { t: 'no placeholder' })).toThrow(
      /0 placeholder\(s\) but 1 value/,
    );
  });

  it('States.StringSplit splits on each delimiter character and drops empty pieces', () => {
    expect(run('States.StringSplit($.s, $.d)', { s: 'This.is+a,test=string', d: '.+,=' })).toEqual([
      'This',
      'is',
      'a',
      'test',
      'string',
    ]);
    expect(run("States.StringSplit(', , ,', ',')")).toEqual([' ', ' ']);
    expect(run("States.StringSplit('', ',')")).toEqual([]);
  });

  it('States.UUID uses the injected source, else a random version 4 UUID', () => {
    expect(run('States.UUID()', {}, { uuid: () => 'fixed' })).toBe('fixed');
    expect(run('States.UUID()')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
