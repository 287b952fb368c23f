import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './virtual-clock';

describe('virtual clock', () => {
  it('jumps to the next timer as soon as nothing else can run', async () => {
    const clock = createVirtualClock({ start: 0 });
    const started = Date.now();
    await clock.sleep(7 * 24 * 3600 * 1000);
    expect(clock.now()).toBe(7 * 24 * 3600 * 1000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fires timers in due order', async () => {
    const clock = createVirtualClock({ start: 0 });
    const fired: number[] = [];
    await Promise.all([300, 100, 200].map((ms) => clock.sleep(ms).then(() => fired.push(ms))));
    expect(fired).toEqual([100, 200, 300]);
  });

  it('does not skip ahead while tracked work is in flight', async () => {
    const clock = createVirtualClock({ start: 0 });
    let timerFiredAt: number | undefined;
    const timer = clock.sleep(60_000).then(() => {
      timerFiredAt = clock.now();
    });
    await clock.track(new Promise((resolve) => setTimeout(resolve, 20)));
    expect(timerFiredAt).toBeUndefined();
    await timer;
    expect(timerFiredAt).toBe(60_000);
  });

  it('rejects a sleep whose signal aborts', async () => {
    const clock = createVirtualClock({ start: 0 });
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(sleeping).rejects.toThrow('stopped');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('advances by exactly the given time, firing the timers due on the way', async () => {
    const clock = createVirtualClock({ start: 0 });
    let fired = false;
    const timer = clock.sleep(100).then(() => {
      fired = true;
    });
    clock.advance(250);
    await timer;
    expect(fired).toBe(true);
    expect(clock.now()).toBe(250);
  });

  it('with autoAdvance: false, moves only when advanced, however long it is left alone', async () => {
    const clock = createVirtualClock({ start: 0, autoAdvance: false });
    let fired = false;
    const timer = clock.sleep(1000).then(() => {
      fired = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([fired, clock.now(), clock.pendingTimers()]).toEqual([false, 0, 1]);
    clock.advance(999);
    await Promise.resolve();
    expect(fired).toBe(false);
    clock.advance(1);
    await timer;
    expect(clock.now()).toBe(1000);
    // A sleep the present has already reached ends without being advanced to.
    await clock.sleep(0);
  });
});
