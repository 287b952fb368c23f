import { MAX_TIMER_MS } from '../clock/real-clock';
import { OptionError } from '../errors/option-error';

/** An option of `createDurableRuntime` or `startWorker` that cannot be used; `option` names it. */
export class DurableRuntimeOptionError extends OptionError {
  readonly code = 'DURABLE_RUNTIME_OPTION';
  constructor(option: string, value: unknown, expected: string) {
    super('Durable runtime', option, value, expected);
  }
}

/** A number of milliseconds a timer can wait: more than 0, up to Node's longest timer. */
function checkMs(option: string, value: number | undefined, infinite = false): void {
  if (value === undefined || (infinite && value === Number.POSITIVE_INFINITY)) return;
  if (typeof value !== 'number' || !(value > 0) || value > MAX_TIMER_MS) {
    const expected = `a number of milliseconds above 0 and up to ${MAX_TIMER_MS}${infinite ? ', or Infinity' : ''}`;
    throw new DurableRuntimeOptionError(option, value, expected);
  }
}

/**
 * Refuses what would silently misbehave: a lease of 0 ms is always expired, an unload after 0 ms
 * drops a handler's result, a poll of 0 ms queries in a busy loop, and a timer past Node's limit
 * fires at once.
 */
export function checkRuntimeOptions(options: {
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly unloadAfterMs?: number;
}): void {
  checkMs('leaseMs', options.leaseMs);
  checkMs('pollMs', options.pollMs);
  checkMs('unloadAfterMs', options.unloadAfterMs, true);
}

export function checkWorkerOptions(options: {
  readonly concurrency?: number;
  readonly pollMs?: number;
}): void {
  const { concurrency } = options;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new DurableRuntimeOptionError('concurrency', concurrency, 'a whole number of at least 1');
  }
  checkMs('pollMs', options.pollMs);
}

/**
 * A worker's `drainMs`: 0 (hand back at once), up to Node's longest timer, or Infinity (let every
 * execution finish). A longer finite wait would fire at once, and end the drain before it began.
 */
export function checkDrainMs(drainMs: number | undefined): void {
  if (drainMs !== 0) checkMs('drainMs', drainMs, true);
}
