/**
 * AWS's "Wait workflow state" page: Seconds, Timestamp, SecondsPath and TimestampPath, with the
 * timestamp format it requires (RFC 3339: an upper-case T between date and time, and Z or an offset).
 */
import { describe, expect, it } from 'vitest';
import { START, specRuntime } from '../testing/spec-runtime';

const waitFor = (fields: Record<string, unknown>, queryLanguage?: string) => ({
  ...(queryLanguage ? { QueryLanguage: queryLanguage } : {}),
  StartAt: 'W',
  States: { W: { Type: 'Wait', ...fields, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
});

describe('Wait, as documented', () => {
  it('waits until an absolute Timestamp, honouring its offset and fraction of a second', async () => {
    const { runtime, clock } = specRuntime();
    await runtime.execute(waitFor({ Timestamp: '2024-01-01T03:00:01.500+02:00' }));
    expect(clock.now()).toBe(Date.parse('2024-01-01T01:00:01.500Z'));
  });

  it('reads the seconds to wait from SecondsPath', async () => {
    const { runtime, clock } = specRuntime();
    await runtime.execute(waitFor({ SecondsPath: '$.expirySeconds' }), { input: { expirySeconds: 10 } });
    expect(clock.now()).toBe(START + 10_000);
  });

  it.each([
    ['a negative number', -1],
    ['a fraction', 1.5],
    ['a numeric string', '10'],
  ])('fails with States.Runtime when SecondsPath holds %s', async (_what, seconds) => {
    const { runtime, clock } = specRuntime();
    const result = await runtime.execute(waitFor({ SecondsPath: '$.s' }), { input: { s: seconds } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(clock.now()).toBe(START);
  });

  it.each([
    ['no time zone', '2024-01-02T00:00:00'],
    ['a space for the T', '2024-01-02 00:00:00Z'],
    ['a lower-case t', '2024-01-02t00:00:00Z'],
    ['only a date', '2024-01-02'],
  ])('fails with States.Runtime when TimestampPath holds a timestamp with %s', async (_what, timestamp) => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(waitFor({ TimestampPath: '$.t' }), { input: { t: timestamp } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('takes Seconds and Timestamp from JSONata, failing with States.QueryEvaluationError on a wrong type', async () => {
    const { runtime, clock } = specRuntime();
    await runtime.execute(waitFor({ Seconds: '{% $states.input.s * 2 %}' }, 'JSONata'), { input: { s: 3 } });
    expect(clock.now()).toBe(START + 6_000);
    const result = await runtime.execute(waitFor({ Timestamp: '{% $states.input.t %}' }, 'JSONata'), {
      input: { t: 1700000000 },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
  });
});
