import { describe, expect, it } from 'vitest';
import { InvalidPathStringError } from '../errors';
import { looksLikePath, parsePathString } from './parse-path';

describe('read paths written as strings', () => {
  it('are split into names, quoted names and indices', () => {
    expect(parsePathString("$.order.lines[2]['unit price']")).toEqual({
      root: { kind: 'input' },
      segments: ['order', 'lines', 2, 'unit price'],
    });
  });

  it('start at the data, the context object or a variable', () => {
    expect(parsePathString('$')).toEqual({ root: { kind: 'input' }, segments: [] });
    expect(parsePathString('$.amount', 'result').root).toEqual({ kind: 'result' });
    expect(parsePathString('$$.Map.Item.Value')).toEqual({
      root: { kind: 'context' },
      segments: ['Map', 'Item', 'Value'],
    });
    expect(parsePathString('$total.net')).toEqual({
      root: { kind: 'variable', name: 'total' },
      segments: ['net'],
    });
  });

  it('refuse anything but plain paths', () => {
    for (const path of ['order.id', '$..id', '$.lines[*]', '$.a[?(@.b)]', '$.a.', '$[01]']) {
      expect(() => parsePathString(path), path).toThrow(InvalidPathStringError);
    }
  });

  it('refuse prototype-reaching segments', () => {
    expect(() => parsePathString('$.a.__proto__')).toThrow(InvalidPathStringError);
    expect(() => parsePathString("$['constructor']")).toThrow(InvalidPathStringError);
  });

  it('are told apart from literal strings by their leading $', () => {
    expect(looksLikePath('$.a')).toBe(true);
    expect(looksLikePath('$$.Execution.Id')).toBe(true);
    expect(looksLikePath('$total')).toBe(true);
    expect(looksLikePath('2030-01-01T00:00:00Z')).toBe(false);
    expect(looksLikePath('Sorry, out of stock')).toBe(false);
  });
});
