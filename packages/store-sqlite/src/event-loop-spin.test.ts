import { describe, expect, it } from 'vitest';
import { EventLoopSpin } from './event-loop-spin';

/** A clock read by hand, and the turns scheduled on it, run one at a time by the test. */
function harness(spinMicros: number) {
  let now = 0;
  let waiting = true;
  const turns: (() => void)[] = [];
  const spin = new EventLoopSpin(
    spinMicros,
    () => waiting,
    () => now,
    (turn) => turns.push(turn),
  );
  return {
    spin,
    answered: () => {
      waiting = false;
    },
    turns,
    advance: (ms: number) => {
      now += ms;
    },
    /** Runs the turns scheduled so far and returns how many there were. */
    runTurns: () => {
      const due = turns.splice(0);
      for (const turn of due) turn();
      return due.length;
    },
  };
}

describe('the event loop kept turning while a call to the writer thread waits', () => {
  it('schedules a turn after each turn while the call waits, until the time has passed', () => {
    const { spin, advance, runTurns } = harness(100);
    spin.hold();
    let turns = 0;
    while (runTurns() > 0) {
      turns++;
      advance(0.025);
    }
    // 100 µs at 25 µs a turn: four turns find time left, the fifth finds it gone.
    expect(turns).toBe(5);
  });

  it('stops as soon as no call waits', () => {
    const { spin, answered, runTurns } = harness(100);
    spin.hold();
    expect(runTurns()).toBe(1);
    answered();
    expect(runTurns()).toBe(1);
    expect(runTurns()).toBe(0);
  });

  it('keeps one chain of turns for many calls, each posting moving its end', () => {
    const { spin, advance, runTurns } = harness(100);
    spin.hold();
    advance(0.08);
    spin.hold();
    expect(runTurns()).toBe(1);
    // 80 µs after the first call, the second keeps it going until 180 µs.
    advance(0.09);
    expect(runTurns()).toBe(1);
    advance(0.02);
    expect(runTurns()).toBe(1);
    expect(runTurns()).toBe(0);
  });

  it('does nothing when told to spend no time', () => {
    const { spin, turns } = harness(0);
    spin.hold();
    expect(turns).toHaveLength(0);
  });

  it('stops after a thousand turns even if its clock never moves (a faked one, say)', () => {
    const { spin, runTurns } = harness(100);
    spin.hold();
    let turns = 0;
    while (runTurns() > 0) turns++;
    expect(turns).toBe(1000);
  });
});
