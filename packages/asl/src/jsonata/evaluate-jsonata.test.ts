import { describe, expect, it } from 'vitest';
import { evaluateJsonata } from './evaluate-jsonata';
import { JsonataEvaluationError } from './jsonata-errors';
import { parseJsonataExpression } from './jsonata-expression';

const states = (input: unknown) => ({ input, context: { Execution: { Name: 'test_execution' } } });
const run = (source: string, input: unknown = {}, variables: Record<string, unknown> = {}) =>
  evaluateJsonata(parseJsonataExpression(source), { states: states(input), variables });

async function failure(promise: Promise<unknown>): Promise<JsonataEvaluationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(JsonataEvaluationError);
  return error as JsonataEvaluationError;
}

describe('evaluateJsonata, with values from the conformance corpus', () => {
  it.each([
    [
      '{% $sum($states.input.input_values) + $var_constant_1 %}',
      { input_values: [1, 2, 3] },
      { var_constant_1: 1 },
      7,
    ],
    ['{% $contains("hello$world", /^hello\\$/) %}', {}, {}, true],
    ["{% $contains('hello$world', /^hello\\ /) %}", {}, {}, false],
    [
      '{% $merge([$states.input.part1, $states.input.part2]) %}',
      { part1: { hello: 'world' }, part2: { foo: 'bar' } },
      {},
      { hello: 'world', foo: 'bar' },
    ],
    ["{% $number('2') %}", {}, {}, 2],
    ['{% $partition($states.input.a, 2) %}', { a: [0, 1, 2] }, {}, [[0, 1], [2]]],
    ['{% $partition($states.input.a, 1) %}', { a: [0] }, {}, [[0]]],
    ['{% $range(0, 9, 3) %}', {}, {}, [0, 3, 6, 9]],
    ['{% $range(1, 9, 9) %}', {}, {}, 1],
    ['{% $range(1, 9, 2) %}', {}, {}, [1, 3, 5, 7, 9]],
    ['{% $parse($states.input.s) %}', { s: '{"Arg1": 1, "Arg2": []}' }, {}, { Arg1: 1, Arg2: [] }],
    ['{% $parse($states.input.s) %}', { s: '1.1' }, {}, 1.1],
    ['{% $states.input %}', { input_value: 'x' }, {}, { input_value: 'x' }],
  ])('%s', async (source, input, variables, expected) => {
    expect(await run(source, input, variables)).toEqual(expected);
  });

  it('binds $states.context and variables from a Map', async () => {
    const compiled = parseJsonataExpression('{% $states.context.Execution.Name & "/" & $who %}');
    const result = await evaluateJsonata(compiled, {
      states: states({}),
      variables: new Map([['who', 'me']]),
    });
    expect(result).toBe('test_execution/me');
  });

  it('resolves to undefined when the expression yields nothing', async () => {
    expect(await run('{% $doesNotExist %}')).toBeUndefined();
  });

  it('returns plain arrays, never jsonata sequences', async () => {
    const result = (await run('{% $states.input.a.b %}', { a: [{ b: 1 }, { b: 2 }] })) as unknown[];
    expect(result).toEqual([1, 2]);
    expect(Object.hasOwn(result, 'sequence')).toBe(false);
  });
});

describe('the functions AWS adds', () => {
  it('$hash digests with the named algorithm', async () => {
    expect(await run("{% $hash('input data', 'SHA-256') %}")).toBe(
      'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
    );
    expect((await failure(run("{% $hash('x', 'CRC') %}"))).message).toMatch(
      /unsupported hash algorithm "CRC"/,
    );
  });

  it('$random and $uuid take their source from the options; a seed makes $random repeatable', async () => {
    const compiled = parseJsonataExpression('{% [$random(), $uuid()] %}');
    const options = { random: () => 0.25, uuid: () => 'u-1' };
    expect(await evaluateJsonata(compiled, { states: states({}) }, options)).toEqual([0.25, 'u-1']);
    const seeded = parseJsonataExpression('{% [$random(7), $random(7)] %}');
    const [a, b] = (await evaluateJsonata(seeded, { states: states({}) })) as number[];
    expect(a).toBe(b);
  });

  it('check their arguments', async () => {
    expect((await failure(run('{% $partition([1], 0) %}'))).message).toMatch(
      /chunk size must be a positive integer/,
    );
    expect((await failure(run('{% $range(0, 2000, 1) %}'))).message).toMatch(/more than the maximum of 1000/);
    expect((await failure(run("{% $parse('{nope') %}"))).message).toMatch(/not valid JSON/);
  });

  it('$eval is refused', async () => {
    expect((await failure(run("{% $eval('1 + 1') %}"))).message).toBe(
      'The JSONata function $eval is not supported',
    );
  });
});

describe('guardrails', () => {
  it('stops runaway recursion at the depth limit', async () => {
    const compiled = parseJsonataExpression('{% ($f := function($n) { 1 + $f($n + 1) }; $f(0)) %}');
    const error = await failure(evaluateJsonata(compiled, { states: states({}) }, { maxDepth: 200 }));
    expect(error.message).toMatch(/maximum evaluation depth of 200/);
  });

  it('stops a long loop at the time limit', async () => {
    const compiled = parseJsonataExpression(
      '{% ($loop := function($n) { $n > 0 ? $loop($n - 1) : 0 }; $sum([1..200000].($loop(50)))) %}',
    );
    const started = Date.now();
    const error = await failure(evaluateJsonata(compiled, { states: states({}) }, { timeoutMs: 100 }));
    expect(error.message).toMatch(/did not finish within 100 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses results longer than the sequence limit', async () => {
    expect(await run('{% [1..10] %}')).toHaveLength(10);
    const limited = parseJsonataExpression('{% [1..1000] %}');
    const tooLong = await failure(
      evaluateJsonata(limited, { states: states({}) }, { maxSequenceLength: 100 }),
    );
    expect(tooLong.message).toMatch(/more than the limit of 100/);
  });

  it('refuses strings longer than the string limit before a function splits them', async () => {
    const padded = parseJsonataExpression('{% $length($pad("", $states.input.n)) %}');
    const input = (n: number) => ({ states: states({ n }) });
    expect(await evaluateJsonata(padded, input(1_000), { maxStringLength: 10_000 })).toBe(1_000);
    const tooLong = await failure(evaluateJsonata(padded, input(20_000), { maxStringLength: 10_000 }));
    expect(tooLong.message).toMatch(/a string of 20000 characters, more than the limit of 10000/);
  });

  it('keeps the counters of concurrent evaluations apart', async () => {
    const compiled = parseJsonataExpression('{% ($f := function($n) { $n = 0 ? 0 : $f($n - 1) }; $f(20)) %}');
    const runs = Array.from({ length: 20 }, () =>
      evaluateJsonata(compiled, { states: states({}) }, { maxDepth: 200 }),
    );
    expect(await Promise.all(runs)).toEqual(Array(20).fill(0));
  });

  it('reports jsonata errors with their code', async () => {
    const error = await failure(run('{% 1 + "a" %}'));
    expect(error.jsonataCode).toBe('T2002');
    expect(error.code).toBe('JSONATA_EVALUATION_FAILED');
  });

  it('refuses a function as a result', async () => {
    const compiled = parseJsonataExpression('{% $fn := function($x){$x} %}');
    const error = await failure(evaluateJsonata(compiled, { states: states({}) }, { field: 'Items' }));
    expect(error.message).toBe(
      "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
    );
  });
});

describe('prototype safety', () => {
  it('never exposes JavaScript internals through data lookups', async () => {
    expect(await run('{% $states.input.a %}', JSON.parse('{"a": {"__proto__": {"x": 1}}}'))).toEqual(
      JSON.parse('{"__proto__": {"x": 1}}'),
    );
    expect(await run('{% $lookup($states.input, "toString") %}', {})).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('evaluateJsonata with an injected clock', () => {
  const at = Date.UTC(2030, 0, 2, 3, 4, 5, 678);
  const timed = (source: string, now: () => number) =>
    evaluateJsonata(parseJsonataExpression(source), { states: states({}) }, { now });

  it('answers $now() and $millis() from the clock, not from the machine', async () => {
    expect(await timed('{% $now() %}', () => at)).toBe('2030-01-02T03:04:05.678Z');
    expect(await timed('{% $millis() %}', () => at)).toBe(at);
  });

  it('formats $now(picture, timezone) as $fromMillis does', async () => {
    expect(await timed("{% $now('[Y0001]-[M01]-[D01] [H01]:[m01]', '+0200') %}", () => at)).toBe(
      '2030-01-02 05:04',
    );
  });

  it('reads the clock once per evaluation, as JSONata does', async () => {
    let reads = 0;
    const ticking = () => at + reads++;
    expect(await timed('{% [$millis(), $millis(), $now()] %}', ticking)).toEqual([
      at,
      at,
      '2030-01-02T03:04:05.678Z',
    ]);
    expect(reads).toBe(1);
  });
});
