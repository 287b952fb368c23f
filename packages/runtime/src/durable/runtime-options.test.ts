import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';
import { DurableRuntimeOptionError } from './runtime-options';

const refusal = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('durable runtime options', () => {
  it.each([
    ['leaseMs', { leaseMs: 0 }],
    ['leaseMs', { leaseMs: -5 }],
    ['leaseMs', { leaseMs: Number.NaN }],
    ['leaseMs', { leaseMs: Number.POSITIVE_INFINITY }],
    ['leaseMs', { leaseMs: 2 ** 31 }],
    ['pollMs', { pollMs: 0 }],
    ['unloadAfterMs', { unloadAfterMs: 0 }],
    ['unloadAfterMs', { unloadAfterMs: -1 }],
  ])("refuses a bad '%s' when the runtime is made", (option, options) => {
    const error = refusal(() => createDurableRuntime({ store: new InMemoryDurableStore(), ...options }));
    expect(error).toBeInstanceOf(DurableRuntimeOptionError);
    expect(error).toMatchObject({ code: 'DURABLE_RUNTIME_OPTION', option });
  });

  it('takes an unload that never happens', () => {
    expect(
      refusal(() => createDurableRuntime({ store: new InMemoryDurableStore(), unloadAfterMs: Infinity })),
    ).toBeUndefined();
  });

  it.each([
    ['concurrency', { concurrency: 0 }],
    ['concurrency', { concurrency: 1.5 }],
    ['concurrency', { concurrency: Number.POSITIVE_INFINITY }],
    ['pollMs', { pollMs: -1 }],
  ])("refuses a bad '%s' when a worker is started", async (option, options) => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const error = refusal(() => runtime.startWorker(options));
    expect(error).toBeInstanceOf(DurableRuntimeOptionError);
    expect(error).toMatchObject({ option });
    await runtime.close();
  });
});
