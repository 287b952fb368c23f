import { describe, expect, it } from 'vitest';
import { errorMatches } from './error-matching';

describe('ErrorEquals matching', () => {
  it('matches an error by its exact name', () => {
    expect(errorMatches(['Payment.Declined'], 'Payment.Declined')).toBe(true);
    expect(errorMatches(['Payment.Declined'], 'Payment.Timeout')).toBe(false);
  });

  it('lets States.ALL match everything except the terminal States.Runtime and States.DataLimitExceeded', () => {
    expect(errorMatches(['States.ALL'], 'Anything')).toBe(true);
    expect(errorMatches(['States.ALL'], 'States.Timeout')).toBe(true);
    expect(errorMatches(['States.ALL'], 'States.Runtime')).toBe(false);
    expect(errorMatches(['States.ALL'], 'States.DataLimitExceeded')).toBe(false);
  });

  it('lets States.TaskFailed match task errors but not a timeout', () => {
    expect(errorMatches(['States.TaskFailed'], 'Lambda.Unknown')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'States.Timeout')).toBe(false);
  });
});
