import { describe, expect, it } from 'vitest';
import { executionRow } from './contract/sample-rows';
import { notRedrivableBecause, REDRIVABLE_DAYS } from './redrive-eligibility';

const DAY = 86_400_000;
const ended = (stopTime: number) => executionRow('x', { status: 'FAILED', startTime: 0, stopTime });

describe('which ended executions AWS lets a redrive restart', () => {
  it('takes a FAILED, TIMED_OUT or ABORTED execution within 14 days of its end', () => {
    for (const status of ['FAILED', 'TIMED_OUT', 'ABORTED'] as const) {
      const row = executionRow('x', { status, startTime: 0, stopTime: DAY });
      expect(notRedrivableBecause(row, 10, DAY + REDRIVABLE_DAYS * DAY)).toBeUndefined();
    }
  });

  it.each([
    ['a running one', executionRow('x', { status: 'RUNNING' }), 10, 0, /RUNNING/],
    ['a succeeded one', executionRow('x', { status: 'SUCCEEDED', stopTime: 0 }), 10, 0, /SUCCEEDED/],
    ['one that ended more than 14 days ago', ended(DAY), 10, DAY + 14 * DAY + 1, /14 days/],
    ['one started more than a year ago', ended(360 * DAY), 10, 366 * DAY, /one year/],
    ['one whose history has no room for the redrive', ended(DAY), 24_999, 2 * DAY, /24999 events/],
  ])('refuses %s, saying why', (_, row, historyLength, now, why) => {
    expect(notRedrivableBecause(row, historyLength, now)).toMatch(why);
  });
});
