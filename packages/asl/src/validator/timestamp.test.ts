import { describe, expect, it } from 'vitest';
import { isTimestamp } from './timestamp';

describe('isTimestamp', () => {
  it.each(['2016-03-14T01:59:00Z', '2016-03-05T21:29:29.243167252Z', '2024-02-29T23:59:59+05:30'])(
    'accepts %s',
    (text) => {
      expect(isTimestamp(text)).toBe(true);
    },
  );

  it.each([
    '2016-03-14',
    '2016-03-14t01:59:00Z',
    '2016-12-05 21:29:29Z',
    '2016-12-05T21:29:29',
    '2016-13-05T21:29:29Z',
    '2016-12-05T25:29:29Z',
    '2023-02-29T00:00:00Z',
  ])('rejects %s', (text) => {
    expect(isTimestamp(text)).toBe(false);
  });
});
