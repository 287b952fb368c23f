import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRealClock, MAX_TIMER_MS } from './real-clock';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('real clock', () => {
  it('sleeps past the longest timer Node can set, in steps, without firing early', async () => {
    vi.useFakeTimers({ now: 0 });
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const clock = createRealClock();
    const month = 31 * 24 * 3600 * 1000;
    let woke = false;
    const sleeping = clock.sleep(month).then(() => {
      woke = true;
    });
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(month - MAX_TIMER_MS - 1);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(woke).toBe(true);
    for (const [, delay] of setTimer.mock.calls) expect(delay).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it('stops a long sleep when its signal fires between steps', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createRealClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(2 * MAX_TIMER_MS + 5, controller.signal);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 10);
    controller.abort(new Error('stopped'));
    await expect(sleeping).rejects.toThrow('stopped');
  });

  it('sleeps a short time with one timer', async () => {
    vi.useFakeTimers({ now: 0 });
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const sleeping = createRealClock().sleep(250);
    await vi.advanceTimersByTimeAsync(250);
    await sleeping;
    expect(setTimer).toHaveBeenCalledTimes(1);
  });
});
