import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from '../durable/durable-runtime';
import { InMemoryDurableStore } from '../durable/memory-durable-store';
import { until } from '../durable/until.fixtures';
import { createRuntime } from '../engine/runtime';

const fn = 'arn:aws:lambda:us-east-1:123456789012:function:deaf';
const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/** A Task with an hour's timeout and heartbeat, whose handler never ends and ignores its signal. */
const deaf = {
  StartAt: 'Work',
  States: { Work: { Type: 'Task', Resource: fn, TimeoutSeconds: 3600, HeartbeatSeconds: 1800, End: true } },
};

describe('a handler called under TimeoutSeconds and HeartbeatSeconds', () => {
  it('leaves no timer behind once its execution is stopped, even if it never returns', async () => {
    let called = false;
    const runtime = createRuntime({
      handlers: {
        [fn]: () => {
          called = true;
          return new Promise(() => {});
        },
      },
    });
    const before = timers();
    const execution = runtime.startExecution(deaf);
    await until(() => called);
    expect(timers()).toBeGreaterThan(before);
    execution.stop({ error: 'Cancelled' });
    expect((await execution.result()).status).toBe('ABORTED');
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('leaves no timer behind once its durable runtime has closed, even if it never returns', async () => {
    let called = false;
    const before = timers();
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: {
        [fn]: () => {
          called = true;
          return new Promise(() => {});
        },
      },
    });
    await runtime.startExecution(deaf);
    await until(() => called);
    await runtime.close();
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
