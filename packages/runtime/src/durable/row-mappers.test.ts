import { describe, expect, it } from 'vitest';
import { executionRow } from './contract/sample-rows';
import { aliasFrom, EXECUTION_COLUMNS, executionFrom, executionValues, timerFrom } from './row-mappers';
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

describe('an alias row read back', () => {
  const row = (routing: string) => ({
    alias_arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders:live',
    machine_arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders',
    name: 'live',
    routing,
    description: null,
  });
  const v = (n: number) => `arn:aws:states:us-east-1:123456789012:stateMachine:Orders:${n}`;

  it('is the alias as written', () => {
    const routing = [
      { versionArn: v(1), weight: 90 },
      { versionArn: v(2), weight: 10 },
    ];
    expect(aliasFrom(row(JSON.stringify(routing))).routing).toEqual(routing);
  });

  it.each([
    ['[null]', /not one or two versions/],
    ['[]', /not one or two versions/],
    ['[{}]', /not one or two versions/],
    [JSON.stringify([{ versionArn: v(1), weight: 50 }]), /do not add up to 100/],
  ])('is corruption when its routing is %s', (routing, why) => {
    expect(() => aliasFrom(row(routing))).toThrow(StoreCorruptionError);
    expect(() => aliasFrom(row(routing))).toThrow(why);
  });
});

describe('a timer row read back', () => {
  it('is corruption naming its execution too, as timer ids are only unique within one', () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:M:b';
    expect(timerFrom({ execution_arn: arn, timer_id: '1', due: 5 })).toEqual({
      executionArn: arn,
      timerId: '1',
      due: 5,
    });
    expect(() => timerFrom({ execution_arn: arn, timer_id: '1', due: 'soon' })).toThrow(
      `timer 1 of ${arn}: column due is not an integer`,
    );
  });
});
