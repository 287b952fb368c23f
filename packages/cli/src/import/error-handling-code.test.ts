import { describe, expect, it } from 'vitest';
import { retryEntry } from './error-handling-code';

describe('retryEntry', () => {
  it('writes retriers with the builder option names', () => {
    expect(retryEntry([{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }])).toBe(
      "[{ errors: ['States.ALL'], maxAttempts: 2 }]",
    );
  });

  it.each(['toString', 'constructor', 'hasOwnProperty'])(
    'leaves to raw() a retrier with a field named %s',
    (field) => {
      expect(retryEntry([{ ErrorEquals: ['States.ALL'], [field]: 2 }])).toBe(false);
    },
  );
});
