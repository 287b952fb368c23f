import { describe, expect, it } from 'vitest';
import { eventTypes, START, specRuntime } from '../testing/spec-runtime';

describe('Wait state', () => {
  it('waits Seconds on the clock, so a virtual clock skips a week at once', async () => {
    const { runtime, clock } = specRuntime();
    const result = await runtime.execute({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 604_800, End: true } },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(clock.now()).toBe(START + 604_800_000);
  });

  it('waits until a Timestamp read with TimestampPath', async () => {
    const { runtime, clock } = specRuntime();
    await runtime.execute(
      { StartAt: 'W', States: { W: { Type: 'Wait', TimestampPath: '$.at', End: true } } },
      { input: { at: '2024-01-02T00:00:00Z' } },
    );
    expect(clock.now()).toBe(Date.parse('2024-01-02T00:00:00Z'));
  });

  it('does not wait for a Timestamp in the past', async () => {
    const { runtime, clock } = specRuntime();
    await runtime.execute({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Timestamp: '2020-01-01T00:00:00Z', End: true } },
    });
    expect(clock.now()).toBe(START);
  });

  it('fails with States.Runtime when SecondsPath does not hold a number', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } } },
      { input: { s: 'soon' } },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('records entered and exited events and passes its input on', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution(
      { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } },
      { input: { a: 1 } },
    );
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: { a: 1 } });
    expect(eventTypes(execution.history())).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it("lets JSONata's $now() see the runtime's clock after a Wait, not the machine's", async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute({
      QueryLanguage: 'JSONata',
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 90, Next: 'Stamp' },
        Stamp: { Type: 'Pass', Output: { at: '{% $now() %}', ms: '{% $millis() %}' }, End: true },
      },
    });
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { at: new Date(START + 90_000).toISOString(), ms: START + 90_000 },
    });
  });
});
