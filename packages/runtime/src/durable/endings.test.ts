import { describe, expect, it } from 'vitest';
import { Endings } from './endings';

describe('endings', () => {
  it('wakes every waiter on an execution at its nudge, and forgets them', async () => {
    const endings = new Endings();
    const woken: string[] = [];
    const a = endings.next('arn:a', 60_000).then(() => woken.push('first'));
    const b = endings.next('arn:a', 60_000).then(() => woken.push('second'));
    endings.nudge('arn:b');
    expect(endings.watched).toBe(1);
    endings.nudge('arn:a');
    await Promise.all([a, b]);
    expect(woken).toEqual(['first', 'second']);
    expect(endings.watched).toBe(0);
  });

  it('gives up waiting after the time asked, leaving nothing behind', async () => {
    const endings = new Endings();
    const started = Date.now();
    await endings.next('arn:a', 20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(endings.watched).toBe(0);
  });

  it('stops watching when cancelled, so a watch that is not waited on leaves nothing behind', async () => {
    const endings = new Endings();
    const watch = endings.watch('arn:a', 60_000);
    expect(endings.watched).toBe(1);
    watch.cancel();
    await watch.changed;
    expect(endings.watched).toBe(0);
  });
});
