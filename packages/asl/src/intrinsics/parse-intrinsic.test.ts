import { describe, expect, it } from 'vitest';
import { InvalidIntrinsicError } from './intrinsic-errors';
import { isIntrinsicCall, parseIntrinsic, tryParseIntrinsic } from './parse-intrinsic';

function parseError(source: string): InvalidIntrinsicError {
  const result = tryParseIntrinsic(source);
  if (result.ok) throw new Error(`expected ${source} to be refused`);
  return result.error;
}

describe('isIntrinsicCall', () => {
  it('recognises a States.* call and nothing else', () => {
    expect(isIntrinsicCall("States.Format('x')")).toBe(true);
    expect(isIntrinsicCall('States.UUID()')).toBe(true);
    expect(isIntrinsicCall('$.States.Format')).toBe(false);
    expect(isIntrinsicCall('States.Format')).toBe(false);
    expect(isIntrinsicCall('{% $x %}')).toBe(false);
  });
});

describe('parseIntrinsic', () => {
  it('builds a typed tree of literals, paths and nested calls', () => {
    const call = parseIntrinsic("States.Format('a {} {} {} {}', 1.5, -2, true, null)");
    expect(call.name).toBe('States.Format');
    expect(call.args).toEqual([
      { kind: 'string', value: 'a {} {} {} {}', escapedBraces: [] },
      { kind: 'number', value: 1.5 },
      { kind: 'number', value: -2 },
      { kind: 'boolean', value: true },
      { kind: 'null', value: null },
    ]);
  });

  it('reads path arguments up to the top-level comma, keeping brackets and quotes intact', () => {
    const call = parseIntrinsic("States.Array($.a['x,y)'][0], $$.Execution.Id, $var.field)");
    expect(call.args.map((arg) => (arg.kind === 'path' ? arg.source : arg.kind))).toEqual([
      "$.a['x,y)'][0]",
      '$$.Execution.Id',
      '$var.field',
    ]);
  });

  it('parses nested calls', () => {
    const call = parseIntrinsic("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)");
    expect(call.args[0]).toMatchObject({ kind: 'call', name: 'States.StringSplit' });
  });

  it("unescapes \\' \\\\ \\{ \\} and remembers which braces were escaped", () => {
    const call = parseIntrinsic("States.Format('it\\'s \\\\ \\{\\} {}', 1)");
    expect(call.args[0]).toEqual({ kind: 'string', value: "it's \\ {} {}", escapedBraces: [7, 8] });
  });

  it('keeps real newlines inside literals (JSON-decoded definitions carry them)', () => {
    expect(parseIntrinsic("States.StringSplit('Hello\nWorld', '\n')").args[0]).toMatchObject({
      value: 'Hello\nWorld',
    });
  });

  it.each([
    ['States.Nope(1)', /Unknown intrinsic function 'States.Nope'/, 0],
    ['States.ArrayLength()', /expects 1 argument, got 0/, 0],
    ["States.UUID('x')", /expects 0 arguments, got 1/, 0],
    ["States.Format('x", /Unterminated string literal/, 14],
    ["States.Format('\\n')", /Invalid escape sequence '\\n'/, 15],
    ["States.ArrayLength('abc')", /must be an array, not a string literal/, 0],
    ['States.ArrayGetItem($.a, 1.5)', /must be an integer/, 0],
    ['States.MathAdd(States.UUID(), 1)', /must be a number, not the string returned by States.UUID/, 0],
    ["States.Format('{} and {}', 1)", /2 placeholder\(s\) but 1 value\(s\)/, 0],
    ['States.JsonMerge($.a, $.b, true)', /shallow merge/, 0],
    ['States.Array(1) trailing', /Unexpected text after the call/, 16],
    ['States.Array(1,)', /Expected an argument/, 15],
    ['States.Array(foo)', /Unexpected 'foo'/, 13],
    ['States.Array($.a[0', /Missing ']'/, 13],
    ['States.Array($.a[0)', /Unbalanced '\)'/, 18],
  ])('refuses %s', (source, message, position) => {
    const error = parseError(source);
    expect(error).toBeInstanceOf(InvalidIntrinsicError);
    expect(error.code).toBe('INVALID_INTRINSIC');
    expect(error.message).toMatch(message);
    expect(error.position).toBe(position);
  });

  it('refuses an invalid path argument with the path parser’s reason', () => {
    expect(parseError('States.Array($.a.)').message).toMatch(/Invalid path argument/);
  });

  it('allows 10 levels of nesting and refuses 11', () => {
    const nest = (depth: number): string =>
      depth === 1 ? 'States.Array(1)' : `States.Array(${nest(depth - 1)})`;
    expect(() => parseIntrinsic(nest(10))).not.toThrow();
    expect(parseError(nest(11)).message).toMatch(/nested at most 10 deep/);
  });

  it('stays fast on long hostile input', () => {
    const started = Date.now();
    parseError(`States.Array(${"'a', ".repeat(20_000)}`);
    parseError(`States.Array($${'['.repeat(20_000)})`);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
