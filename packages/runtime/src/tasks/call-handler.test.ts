import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createDurableRuntime } from '../durable/durable-runtime';
import { InMemoryDurableStore } from '../durable/memory-durable-store';
import { until } from '../durable/until.fixtures';
import { createRuntime } from '../engine/runtime';
import { heartbeatSentAt } from './handler-context';
import type { TaskContext } from './task-handler';

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

describe('a heartbeat that reaches its task late, with the time it was sent', () => {
  const beating = {
    StartAt: 'Work',
    States: { Work: { Type: 'Task', Resource: fn, HeartbeatSeconds: 10, End: true } },
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('counts from when it was sent, and moves nothing when an applied heartbeat was sent later', async () => {
    const clock = createVirtualClock({ start: 0, autoAdvance: false });
    let context: TaskContext | undefined;
    const runtime = createRuntime({
      clock,
      handlers: {
        [fn]: (_input, given) => {
          context = given;
          return new Promise(() => {});
        },
      },
    });
    const execution = runtime.startExecution(beating);
    await until(() => context !== undefined);
    const call = context as TaskContext;
    clock.advance(5_000);
    call.heartbeat();
    // Sent at 2 s, before the heartbeat the task has had: the deadline stays at 15 s.
    heartbeatSentAt(call, 2_000);
    clock.advance(8_000);
    await settle();
    await expect(runtime.describeExecution(execution.executionArn)).resolves.toMatchObject({
      status: 'RUNNING',
    });
    // Sent at 8 s, applied at 13 s: due at 18 s, not 23 s.
    heartbeatSentAt(call, 8_000);
    clock.advance(4_999);
    await settle();
    await expect(runtime.describeExecution(execution.executionArn)).resolves.toMatchObject({
      status: 'RUNNING',
    });
    clock.advance(1);
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    const timedOut = (await execution.history()).at(-2);
    expect([timedOut?.type, timedOut?.timestamp.getTime()]).toEqual(['LambdaFunctionTimedOut', 18_000]);
  });
});
