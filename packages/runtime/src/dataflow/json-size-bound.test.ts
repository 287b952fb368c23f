import { describe, expect, it } from 'vitest';
import { jsonSizeBound } from './json-size-bound';
import { checkValueSize, MAX_PAYLOAD_BYTES } from './payload-size';

const samples: unknown[] = [
  null,
  true,
  -1.2345678901234567e-308,
  'plain',
  'quote " and \\ and \n and \u0001',
  'héllo €uro 😀',
  [1, 'two', null, undefined, { three: 3 }],
  { a: { b: [{ c: 'd' }] }, skipped: undefined },
];

describe('JSON size bound', () => {
  it.each(samples.map((value) => [JSON.stringify(value), value]))(
    'is never below the real UTF-8 size of %s',
    (_label, value) => {
      const bound = jsonSizeBound(value, Number.POSITIVE_INFINITY);
      expect(bound).toBeDefined();
      expect(bound as number).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(value) ?? 'null'));
    },
  );

  it('stops walking once the bound passes the cap', () => {
    const huge = Array.from({ length: 100_000 }, () => 'x'.repeat(10));
    const bound = jsonSizeBound(huge, 1_000) as number;
    expect(bound).toBeGreaterThan(1_000);
    // The whole array would bound at over 1.4 MB; the walk gave up long before.
    expect(bound).toBeLessThan(200_000);
  });

  it('stops inside a nested object once the cap is passed', () => {
    const nested = { outer: { inner: 'x'.repeat(1_000), after: 'y'.repeat(100_000) } };
    expect(jsonSizeBound(nested, 100) as number).toBeLessThan(10_000);
  });

  it('counts inherited enumerable keys, which can only raise the bound', () => {
    const value = Object.create({ inherited: 'x'.repeat(50) }) as Record<string, unknown>;
    value.own = 1;
    const bound = jsonSizeBound(value, Number.POSITIVE_INFINITY) as number;
    expect(bound).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(value)) + 50);
  });

  it('cannot bound values with toJSON, BigInts or cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonSizeBound({ at: new Date(0) }, MAX_PAYLOAD_BYTES)).toBeUndefined();
    expect(jsonSizeBound({ n: 1n }, MAX_PAYLOAD_BYTES)).toBeUndefined();
    expect(jsonSizeBound(cyclic, Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('payload size check', () => {
  it('accepts a value whose bound is over the limit when its real size is not', () => {
    // Escapes make the bound six times the length; the text itself is 200,002 bytes.
    expect(() => checkValueSize('a'.repeat(200_000), 'S')).not.toThrow();
  });

  it('rejects a value over 256 KiB with States.DataLimitExceeded', () => {
    expect(() => checkValueSize('a'.repeat(MAX_PAYLOAD_BYTES), 'S')).toThrow(/size exceeding the maximum/);
  });
});
