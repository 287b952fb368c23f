import { describe, expect, it } from 'vitest';
import { executionRow } from './contract/sample-rows';
import { EXECUTION_COLUMNS, executionFrom, executionValues } from './row-mappers';
import { StoreCorruptionError } from './store-errors';

/** An execution as an SQL store's row, with some columns changed. */
function row(patch: Record<string, unknown>): Record<string, unknown> {
  const values = executionValues(executionRow('a'));
  return { ...Object.fromEntries(EXECUTION_COLUMNS.map((column, i) => [column, values[i]])), ...patch };
}

describe('an execution row read back', () => {
  it('is the execution as written', () => {
    expect(executionFrom(row({}))).toEqual(executionRow('a'));
  });

  it.each([
    [{ start_time: 9e15 }, /column start_time is not a time/],
    [{ stop_time: -9e15 }, /column stop_time is not a time/],
    [{ status: 'Running' }, /unknown status Running/],
    [{ input: '{x' }, /input/],
  ])('is corruption, named, when %j', (patch, message) => {
    expect(() => executionFrom(row(patch))).toThrow(StoreCorruptionError);
    expect(() => executionFrom(row(patch))).toThrow(message);
  });
});
