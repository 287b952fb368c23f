import { describe, expect, it } from 'vitest';
import { compareInstants, instantToMillis, isTimestamp, parseTimestamp } from './timestamp';

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

describe('parseTimestamp', () => {
  it('keeps nanoseconds and applies the offset', () => {
    expect(parseTimestamp('2016-03-05T21:29:29.243167252Z')).toEqual({
      seconds: 1457213369,
      nanos: 243167252,
    });
    expect(parseTimestamp('2016-03-05T23:29:29+02:00')).toEqual({ seconds: 1457213369, nanos: 0 });
  });

  it('orders instants by seconds, then nanoseconds', () => {
    const early = parseTimestamp('2016-03-05T21:29:29.1Z')!;
    const late = parseTimestamp('2016-03-05T21:29:29.2Z')!;
    expect(compareInstants(early, late)).toBeLessThan(0);
    expect(compareInstants(late, early)).toBeGreaterThan(0);
    expect(instantToMillis(late)).toBe(1457213369200);
  });
});

describe('timestamps in the first century', () => {
  it('keeps years 0000 to 0099 as written rather than reading them as 1900 to 1999', () => {
    const early = parseTimestamp('0050-01-01T00:00:00Z');
    const late = parseTimestamp('1950-01-01T00:00:00Z');
    expect(early?.seconds).toBe(Date.parse('0050-01-01T00:00:00Z') / 1000);
    expect(early?.seconds).not.toBe(late?.seconds);
    expect(parseTimestamp('0004-02-29T12:00:00+01:00')?.seconds).toBe(
      Date.parse('0004-02-29T11:00:00Z') / 1000,
    );
  });
});
