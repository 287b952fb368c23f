import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStoreOptionError } from './errors';
import { MAX_SPIN_MICROS, nextCallWithin, spinMicrosOf } from './next-call';

const channels: MessageChannel[] = [];
function channel(): MessageChannel {
  const made = new MessageChannel();
  channels.push(made);
  return made;
}
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

/** A clock that moves `stepMs` each time it is read. */
function ticking(stepMs: number): () => number {
  let t = 0;
  return () => (t += stepMs);
}

describe('the next call, taken while the writer thread stays awake', () => {
  it('takes calls already posted, one at a time and in the order they were posted', () => {
    const { port1, port2 } = channel();
    port2.postMessage(['commitEncoded', 1]);
    port2.postMessage(['getExecution', 'arn:2']);
    expect(nextCallWithin(port1, 100)).toEqual(['commitEncoded', 1]);
    expect(nextCallWithin(port1, 100)).toEqual(['getExecution', 'arn:2']);
  });

  it('gives up once the time has passed with no call, having kept checking until then', () => {
    const { port1 } = channel();
    let reads = 0;
    const clock = ticking(0.25);
    const now = () => {
      reads++;
      return clock();
    };
    // 1,000 µs at 250 µs per reading: the start, then four checks.
    expect(nextCallWithin(port1, 1000, now)).toBeUndefined();
    expect(reads).toBe(5);
  });

  it('does not check at all when told to spend no time', () => {
    const { port1, port2 } = channel();
    port2.postMessage(['nextWake']);
    expect(nextCallWithin(port1, 0)).toBeUndefined();
    // The call stays queued for the event loop.
    expect(nextCallWithin(port1, 100)).toEqual(['nextWake']);
  });

  it('checks by default only where the thread has a CPU of its own', () => {
    expect(spinMicrosOf(undefined, () => 1)).toBe(0);
    expect(spinMicrosOf(undefined, () => 2)).toBe(100);
    expect(spinMicrosOf(0, () => 8)).toBe(0);
    expect(spinMicrosOf(250, () => 1)).toBe(250);
    // A time given is taken without counting CPUs (which reads the cgroup's files).
    const uncounted = () => {
      throw new Error('CPUs counted');
    };
    expect(spinMicrosOf(250, uncounted)).toBe(250);
  });

  it('refuses a time that is not a whole number of microseconds up to the limit, naming the option', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_SPIN_MICROS + 1]) {
      expect(() => spinMicrosOf(bad, () => 2)).toThrow(SqliteStoreOptionError);
    }
    expect(() => spinMicrosOf(-1, () => 2)).toThrow(
      "SqliteStore option 'spinMicros' must be a whole number from 0 to 10000, but was: -1",
    );
  });
});
