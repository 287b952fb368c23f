import { describe, expect, it } from 'vitest';
import type { Clock } from '../clock/clock';
import { createRealClock } from '../clock/real-clock';
import { createRuntime } from './runtime';

/** A real clock whose every reading is a millisecond after the last, so no two reads agree. */
function tickingClock(): Clock {
  const real = createRealClock();
  let last = 0;
  return { ...real, now: () => ++last };
}

describe('timestamps of states that finish without awaiting', () => {
  it('gives a Pass state its exit at the instant it entered', async () => {
    const runtime = createRuntime({ clock: tickingClock() });
    const handle = runtime.startExecution({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Result: 1, End: true } },
    });
    await handle.result();
    const events = await handle.history();
    const time = (type: string, name: string) =>
      events
        .find((e) => e.type === type && JSON.stringify(e).includes(`"name":"${name}"`))
        ?.timestamp.getTime();
    expect(time('PassStateExited', 'A')).toBe(time('PassStateEntered', 'A'));
    expect(time('PassStateExited', 'B')).toBe(time('PassStateEntered', 'B'));
    // The next state's entry still reads the clock.
    expect(time('PassStateEntered', 'B')).toBeGreaterThan(time('PassStateExited', 'A') as number);
  });

  it('reads the clock again for a state that recorded events after its entry', async () => {
    const runtime = createRuntime({ clock: tickingClock() });
    const handle = runtime.startExecution(
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
            End: true,
          },
        },
      },
      { input: [1, 2] },
    );
    await handle.result();
    const events = await handle.history();
    const times = events.map((e) => e.timestamp.getTime());
    // Timestamps never go back, and the Map's exit comes after its iterations' events.
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const exited = events.find((e) => e.type === 'MapStateExited');
    const entered = events.find((e) => e.type === 'MapStateEntered');
    expect(exited?.timestamp.getTime()).toBeGreaterThan(entered?.timestamp.getTime() as number);
  });
});
