import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReplayClock } from '../durable/replay-clock';
import type { Clock } from './clock';
import { setClockTimer } from './plain-timer';
import { createRealClock, MAX_TIMER_MS } from './real-clock';
import { createVirtualClock } from './virtual-clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('a plain timer on the real clock', () => {
  it('fires once its time has passed, in steps past the longest timer Node can set', async () => {
    vi.useFakeTimers({ now: 0 });
    const month = 31 * 24 * 3600 * 1000;
    const fired: number[] = [];
    setClockTimer(createRealClock(), month, () => fired.push(Date.now()));
    await vi.advanceTimersByTimeAsync(month - 1);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([month]);
  });

  it('never fires once cancelled, even between steps, and leaves no timer behind', async () => {
    vi.useFakeTimers({ now: 0 });
    const fire = vi.fn();
    const timer = setClockTimer(createRealClock(), 2 * MAX_TIMER_MS + 5, fire);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 10);
    timer.cancel();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2 * MAX_TIMER_MS);
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('a plain timer on the virtual clock', () => {
  it('is a pending timer until it fires, in turn with a sleep due at the same time', async () => {
    const clock = createVirtualClock({ start: 0, autoAdvance: false });
    const order: string[] = [];
    setClockTimer(clock, 1000, () => order.push(`timer at ${clock.now()}`));
    const slept = clock.sleep(1000).then(() => order.push('sleep'));
    expect(clock.pendingTimers()).toBe(2);
    clock.advance(1000);
    await slept;
    await Promise.resolve();
    expect(order).toEqual(['timer at 1000', 'sleep']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('never fires once cancelled, even after its time came and before its callback ran', async () => {
    const clock = createVirtualClock({ start: 0, autoAdvance: false });
    const fire = vi.fn();
    const timer = setClockTimer(clock, 1000, fire);
    clock.advance(1000);
    timer.cancel();
    await Promise.resolve();
    expect(fire).not.toHaveBeenCalled();
  });

  it('is no longer pending once cancelled, and never fires', async () => {
    const clock = createVirtualClock({ start: 0, autoAdvance: false });
    const fire = vi.fn();
    const timer = setClockTimer(clock, 1000, fire);
    timer.cancel();
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(5000);
    await Promise.resolve();
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('a plain timer on a clock of the caller’s own', () => {
  /** Only the Clock interface: the timer goes through `sleep` and its signal. */
  function ownClock() {
    const signals: AbortSignal[] = [];
    const real = createRealClock();
    const clock: Clock = {
      now: () => real.now(),
      sleep: (ms, signal) => {
        if (signal) signals.push(signal);
        return real.sleep(ms, signal);
      },
      track: (work) => work,
    };
    return { clock, signals };
  }

  it('fires through the clock’s sleep', async () => {
    vi.useFakeTimers({ now: 0 });
    const { clock } = ownClock();
    const fire = vi.fn();
    setClockTimer(clock, 500, fire);
    await vi.advanceTimersByTimeAsync(500);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('aborts the sleep when cancelled, and never fires', async () => {
    vi.useFakeTimers({ now: 0 });
    const { clock, signals } = ownClock();
    const fire = vi.fn();
    const timer = setClockTimer(clock, 500, fire);
    timer.cancel();
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('a plain timer on a copy of a runtime clock', () => {
  it('goes through the sleep the copy was given', async () => {
    vi.useFakeTimers({ now: 0 });
    const real = createRealClock();
    const slept: number[] = [];
    const copy: Clock = {
      ...real,
      sleep: (ms, signal) => {
        slept.push(ms);
        return real.sleep(ms, signal);
      },
    };
    const fire = vi.fn();
    setClockTimer(copy, 250, fire);
    await vi.advanceTimersByTimeAsync(250);
    expect(slept).toEqual([250]);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires when the clock’s sleep fails, rather than never', async () => {
    const clock: Clock = {
      now: () => 0,
      sleep: () => Promise.reject(new Error('no timers here')),
      track: (work) => work,
    };
    const fire = vi.fn();
    setClockTimer(clock, 250, fire);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fire).toHaveBeenCalledTimes(1);
  });
});

describe('a plain timer on a durable execution’s clock', () => {
  it('is written as a timer row until it fires or is cancelled', async () => {
    const rows = new Map<string, number>();
    const sink = {
      set: (id: string, due: number) => rows.set(id, due),
      clear: (id: string) => rows.delete(id),
    };
    const base = createVirtualClock({ start: 0, autoAdvance: false });
    const clock = createReplayClock(base, sink);
    const fire = vi.fn();
    const cancelledFire = vi.fn();
    setClockTimer(clock, 1000, fire);
    const timer = setClockTimer(clock, 2000, cancelledFire);
    expect([...rows.values()]).toEqual([1000, 2000]);
    timer.cancel();
    expect([...rows.values()]).toEqual([1000]);
    base.advance(1000);
    await Promise.resolve();
    expect(fire).toHaveBeenCalledTimes(1);
    expect(rows.size).toBe(0);
    base.advance(5000);
    await Promise.resolve();
    expect(cancelledFire).not.toHaveBeenCalled();
  });
});
