import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../tasks/task-handler';
import { eventTypes, FN, START, specRuntime } from '../testing/spec-runtime';

/** Lets every pending promise and immediate run, so the engine reaches its next wait. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A handler that never finishes on its own. The virtual clock does not skip while a handler is in
 * flight, so these specs move time by hand.
 */
function hanging() {
  const calls: TaskContext[] = [];
  const aborted: unknown[] = [];
  const handler = (_input: unknown, context: TaskContext) => {
    calls.push(context);
    context.signal.addEventListener('abort', () => aborted.push(context.signal.reason));
    return new Promise(() => {});
  };
  return { calls, aborted, handler };
}

describe('Task TimeoutSeconds and HeartbeatSeconds', () => {
  it('fails with States.Timeout after TimeoutSeconds and aborts the handler’s signal', async () => {
    const { aborted, handler } = hanging();
    const { runtime, clock } = specRuntime({ handlers: { [FN]: handler } });
    const execution = runtime.startExecution({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: FN, TimeoutSeconds: 30, End: true } },
    });
    await settle();
    clock.advance(29_999);
    await settle();
    expect(execution.status).toBe('RUNNING');
    clock.advance(1);
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(aborted).toHaveLength(1);
    expect(eventTypes(execution.history())).toContain('LambdaFunctionTimedOut');
  });

  it('reads TimeoutSecondsPath from the input', async () => {
    const { handler } = hanging();
    const { runtime, clock } = specRuntime({ handlers: { [FN]: handler } });
    const execution = runtime.startExecution(
      {
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: FN, TimeoutSecondsPath: '$.limit', End: true } },
      },
      { input: { limit: 5 } },
    );
    await settle();
    clock.advance(5_000);
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(clock.now()).toBe(START + 5_000);
  });

  it('keeps a task alive while heartbeats come and fails with States.HeartbeatTimeout when they stop', async () => {
    const { calls, handler } = hanging();
    const { runtime, clock } = specRuntime({ handlers: { [FN]: handler } });
    const execution = runtime.startExecution(
      {
        StartAt: 'T',
        States: {
          T: { Type: 'Task', Resource: FN, HeartbeatSecondsPath: '$.beat', TimeoutSeconds: 100, End: true },
        },
      },
      { input: { beat: 5 } },
    );
    await settle();
    for (let i = 0; i < 3; i++) {
      clock.advance(4_000);
      calls[0]?.heartbeat();
      await settle();
    }
    expect(execution.status).toBe('RUNNING');
    clock.advance(5_000);
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
  });

  it('fails with States.Runtime when TimeoutSecondsPath does not hold a positive integer', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: () => 1 } });
    const result = await runtime.execute(
      {
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: FN, TimeoutSecondsPath: '$.limit', End: true } },
      },
      { input: { limit: -1 } },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('sets no timer for a heartbeat sent after the call has ended, and leaves none behind', async () => {
    const contexts: TaskContext[] = [];
    const handler = (_input: unknown, context: TaskContext) => {
      contexts.push(context);
      return { done: true };
    };
    const { runtime, clock } = specRuntime({ handlers: { [FN]: handler } });
    const execution = runtime.startExecution({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: FN, TimeoutSeconds: 30, HeartbeatSeconds: 10, End: true } },
    });
    expect(await execution.result()).toMatchObject({ status: 'SUCCEEDED' });
    const left = clock.pendingTimers();
    contexts[0]?.heartbeat();
    await settle();
    expect(clock.pendingTimers()).toBe(left);
    expect(left).toBe(0);
  });
});
