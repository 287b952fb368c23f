import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { DeadlineQueue } from './deadline-queue';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('DeadlineQueue', () => {
  it('expires live deadlines in due order with one timer, skipping cancelled ones', async () => {
    const clock = createVirtualClock({ start: 0 });
    const queue = new DeadlineQueue(clock);
    const fired: string[] = [];
    queue.add(1_000, () => fired.push(`a@${clock.now()}`));
    const b = queue.add(2_000, () => fired.push(`b@${clock.now()}`));
    queue.add(3_000, () => fired.push(`c@${clock.now()}`));
    expect(clock.pendingTimers()).toBe(1);
    b.cancel();
    // The virtual clock jumps to each timer once nothing else can run.
    for (let i = 0; i < 10; i++) await settle();
    expect(fired).toEqual(['a@1000', 'c@3000']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('drops its timer once no deadline is live, so a virtual clock is not pulled ahead', async () => {
    const clock = createVirtualClock({ start: 0 });
    const queue = new DeadlineQueue(clock);
    const first = queue.add(60_000, () => {});
    const second = queue.add(60_000, () => {});
    first.cancel();
    expect(clock.pendingTimers()).toBe(1);
    second.cancel();
    expect(clock.pendingTimers()).toBe(0);
    await settle();
    expect(clock.now()).toBe(0);
  });

  it('waits out deadlines longer than a timer can hold in steps', async () => {
    const clock = createVirtualClock({ start: 0 });
    const queue = new DeadlineQueue(clock);
    const year = 365 * 24 * 60 * 60 * 1000;
    let firedAt: number | undefined;
    queue.add(year, () => {
      firedAt = clock.now();
    });
    for (let i = 0; i < 40 && firedAt === undefined; i++) await settle();
    expect(firedAt).toBe(year);
  });
});
