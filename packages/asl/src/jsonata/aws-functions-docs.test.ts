/**
 * The functions Step Functions adds to JSONata ("Transforming data with JSONata"), checked
 * against the page's examples: $partition, $range, $hash, $random, $uuid and $parse, and no $eval.
 */
import { describe, expect, it } from 'vitest';
import { evaluateJsonata } from './evaluate-jsonata';
import { JsonataEvaluationError } from './jsonata-errors';
import { parseJsonataExpression } from './jsonata-expression';

const run = (source: string, input: unknown = {}) =>
  evaluateJsonata(parseJsonataExpression(source), { states: { input, context: {} } });

describe('the documented JSONata functions of Step Functions', () => {
  it('$partition splits an array into chunks, the last one shorter', async () => {
    expect(await run('{% $partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3) %}')).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(await run('{% $partition([1, 2, 3, 4], 3) %}')).toEqual([[1, 2, 3], [4]]);
  });

  it('$range includes the end when a step lands on it, and counts down with a negative step', async () => {
    expect(await run('{% $range(0, 10, 2) %}')).toEqual([0, 2, 4, 6, 8, 10]);
    expect(await run('{% $range(10, 0, -5) %}')).toEqual([10, 5, 0]);
  });

  it('$hash digests with each of the five documented algorithms', async () => {
    const digests = (await run(
      "{% ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'].$hash('input data', $) %}",
    )) as string[];
    // Lengths of the hex digests: 128, 160, 256, 384 and 512 bits.
    expect(digests.map((d) => d.length)).toEqual([32, 40, 64, 96, 128]);
    expect(digests[0]).toBe('812f45842bc6d66ee14572ce20db8e86');
  });

  it('$random draws from [0, 1), and a seed makes it repeatable', async () => {
    const value = (await run('{% $random() %}')) as number;
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
    const [a, b, c] = (await run('{% [$random(42), $random(42), $random(43)] %}')) as number[];
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('$uuid returns a version 4 UUID', async () => {
    expect(await run('{% $uuid() %}')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('$parse turns a JSON string into its value', async () => {
    expect(await run('{% $parse($states.input.s) %}', { s: '{"customer": {"name": "x"}}' })).toEqual({
      customer: { name: 'x' },
    });
  });

  it('$eval is not available', async () => {
    await expect(run("{% $eval('1 + 1') %}")).rejects.toBeInstanceOf(JsonataEvaluationError);
  });
});
