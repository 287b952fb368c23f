import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { SqliteStoreOptionError } from './errors';

// Bound once: a default parameter would bind anew on every call the thread answers.
const clock = performance.now.bind(performance);

/** The longest wait for a next call allowed: past that, sleeping costs less than checking. */
export const MAX_SPIN_MICROS = 10_000;

/**
 * How long the writer thread keeps checking for the next call after answering one, unless told
 * (`SqliteStoreOptions.spinMicros`): 100 µs where it has a CPU of its own, none where the process
 * may use one CPU (or a container's quota of less than two), as checking would then take the time
 * of the thread that posts the calls.
 */
export function spinMicrosOf(option: number | undefined, cpus: () => number): number {
  if (option === undefined) return cpus() > 1 ? 100 : 0;
  if (!Number.isInteger(option) || option < 0 || option > MAX_SPIN_MICROS) {
    throw new SqliteStoreOptionError('spinMicros', option, `a whole number from 0 to ${MAX_SPIN_MICROS}`);
  }
  return option;
}

/**
 * The next call posted on `port` within `spinMicros`, taken without returning to the thread's event
 * loop; undefined when none came. A thread that sleeps between calls must be woken for the next
 * one, and on a virtual machine that wake-up is most of a call's trip there and back (tens of
 * microseconds against a few for a `NORMAL` commit): an execution's next commit, or the next
 * execution's start, usually comes well within that time. Calls are taken from the same queue as
 * the event loop's, so their order is kept.
 */
export function nextCallWithin(port: MessagePort, spinMicros: number, now: () => number = clock): unknown {
  if (spinMicros <= 0) return undefined;
  const until = now() + spinMicros / 1000;
  do {
    const received = receiveMessageOnPort(port);
    if (received) return received.message;
  } while (now() < until);
  return undefined;
}
