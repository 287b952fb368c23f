import { describe, expect, it } from 'vitest';
import { ForbiddenPathSegmentError, InvalidPathStringError, UnsupportedExpressionError } from '../errors';
import { recordOf, rootRecorder, variablesRecorder } from './recorder';
import { toJsonataPath, toJsonPath } from './render-path';

const read = (select: (root: never) => unknown, root = rootRecorder({ kind: 'input' })) => {
  const record = recordOf(select(root as never));
  if (!record) throw new Error('not a reference');
  return record;
};

describe('recorded references', () => {
  it('write dotted names, indices and quoted names in JSONPath', () => {
    const record = read(
      (s: { order: { lines: { 'unit price': number }[] } }) => s.order.lines[0]?.['unit price'],
    );
    expect(toJsonPath(record)).toBe("$.order.lines[0]['unit price']");
  });

  it('write the same reference in JSONata with backquoted names', () => {
    const record = read(
      (s: { order: { lines: { 'unit price': number }[] } }) => s.order.lines[0]?.['unit price'],
    );
    expect(toJsonataPath(record)).toBe('$states.input.order.lines[0].`unit price`');
  });

  it('write context and variable roots', () => {
    const context = read(
      (c: { Execution: { Id: string } }) => c.Execution.Id,
      rootRecorder({ kind: 'context' }),
    );
    expect(toJsonPath(context)).toBe('$$.Execution.Id');
    expect(toJsonataPath(context)).toBe('$states.context.Execution.Id');
    const variable = read((v: { total: { net: number } }) => v.total.net, variablesRecorder());
    expect(toJsonPath(variable)).toBe('$total.net');
    expect(toJsonataPath(variable)).toBe('$total.net');
  });

  it('refuse prototype-reaching segments as soon as they are read', () => {
    const root = rootRecorder({ kind: 'input' }) as Record<string, unknown>;
    expect(() => root.constructor).toThrow(ForbiddenPathSegmentError);
    expect(() => root.prototype).toThrow(ForbiddenPathSegmentError);
  });

  it('refuse calls, arithmetic and spreading', () => {
    const root = rootRecorder({ kind: 'input' }) as { name: { trim(): string }; n: number };
    expect(() => root.name.trim()).toThrow(UnsupportedExpressionError);
    expect(() => root.n + 1).toThrow(UnsupportedExpressionError);
    expect(() => ({ ...root })).toThrow(UnsupportedExpressionError);
  });

  it('refuse a reference to the result where a JSONPath field reads the input', () => {
    const record = read((r: { id: string }) => r.id, rootRecorder({ kind: 'result' }));
    expect(() => toJsonPath(record, 'input')).toThrow(UnsupportedExpressionError);
    expect(toJsonPath(record, 'result')).toBe('$.id');
  });

  it('refuse variable names that are not identifiers', () => {
    const record = read((v: Record<string, number>) => v['not valid'], variablesRecorder());
    expect(() => toJsonPath(record)).toThrow(InvalidPathStringError);
  });
});
