import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('a worker', () => {
  it('stops with its runtime: close() ends its claims', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const worker = runtime.startWorker({ pollMs: 10 });
    await runtime.close();
    let stopped = false;
    void worker.stopped.then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(true);
    expect(() => runtime.startWorker()).toThrow(/closed/);
  });

  it('leaves no drain timer behind once everything it ran has ended', async () => {
    const before = timers();
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const worker = runtime.startWorker({ pollMs: 10 });
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    const run = await runtime.startExecution(pass, { enqueue: true });
    expect((await run.result()).status).toBe('SUCCEEDED');
    await worker.stop({ drainMs: 60_000 });
    expect(timers()).toBeLessThanOrEqual(before);
    await runtime.close();
  });
});
