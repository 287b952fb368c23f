import { describe, expect, it } from 'vitest';
import { createVirtualClock, type VirtualClock } from '../clock/virtual-clock';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const T0 = Date.parse('2024-01-01T00:00:00Z');
const encode = (activityArn: string) => ({
  StartAt: 'Encode',
  States: {
    Encode: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 60, TimeoutSeconds: 3600, End: true },
  },
});

/** Lets the runtime act on what the virtual clock just did (fire a timer, commit). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * A worker takes an activity task at T0 (its heartbeat deadline is then T0 + 60 s), and the
 * process running the execution goes down at once.
 */
async function takenThenDown(store: InMemoryDurableStore, clock: VirtualClock) {
  const first = createDurableRuntime({ store, clock });
  const { activityArn } = await first.createActivity({ name: 'encode' });
  const started = await first.startExecution(encode(activityArn), { name: 'encode' });
  const token = (await first.getActivityTask(activityArn))?.taskToken as string;
  await until(async () => (await started.history()).some((e) => e.type === 'ActivityStarted'));
  await first.close();
  return { started, token };
}

/** Sends a heartbeat through a runtime that runs nothing (another process, say). */
async function heartbeatFromElsewhere(store: InMemoryDurableStore, clock: VirtualClock, token: string) {
  const courier = createDurableRuntime({ store, clock });
  await courier.sendTaskHeartbeat(token);
  await courier.close();
}

describe('heartbeats sent while no runtime runs the execution', () => {
  it('count from when they were sent, not from when the execution resumes', async () => {
    const store = new InMemoryDurableStore();
    const clock = createVirtualClock({ start: T0, autoAdvance: false });
    const { started, token } = await takenThenDown(store, clock);
    clock.advance(10_000);
    await heartbeatFromElsewhere(store, clock, token);
    // Back at 50 s: the heartbeat sent at 10 s moved the deadline to 70 s, not to 110 s.
    clock.advance(40_000);
    const second = createDurableRuntime({ store, clock });
    await second.recover();
    clock.advance(19_999);
    await settle();
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    clock.advance(1);
    await until(async () => (await store.getExecution(started.executionArn))?.status !== 'RUNNING');
    expect(await store.getExecution(started.executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'States.HeartbeatTimeout',
    });
    const failed = (await started.history()).find((e) => e.type === 'ActivityTimedOut');
    expect(failed?.timestamp.getTime()).toBe(T0 + 70_000);
    await second.close();
  });

  it('do not keep a task alive through restarts that come more often than its HeartbeatSeconds', async () => {
    const store = new InMemoryDurableStore();
    const clock = createVirtualClock({ start: T0, autoAdvance: false });
    const { started, token } = await takenThenDown(store, clock);
    clock.advance(10_000);
    await heartbeatFromElsewhere(store, clock, token);
    // Restarts at 40 s and at 65 s, with no heartbeat between: the deadline stays at 70 s.
    for (const step of [30_000, 25_000]) {
      clock.advance(step);
      const again = createDurableRuntime({ store, clock });
      await again.recover();
      await settle();
      expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
      await again.close();
    }
    clock.advance(10_000);
    const last = createDurableRuntime({ store, clock });
    await last.recover();
    await until(async () => (await store.getExecution(started.executionArn))?.status !== 'RUNNING');
    expect(await store.getExecution(started.executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'States.HeartbeatTimeout',
    });
    await last.close();
  });

  it('still keep a task alive when the heartbeat came before its deadline', async () => {
    const store = new InMemoryDurableStore();
    const clock = createVirtualClock({ start: T0, autoAdvance: false });
    const { started, token } = await takenThenDown(store, clock);
    clock.advance(50_000);
    await heartbeatFromElsewhere(store, clock, token);
    // Back at 100 s: past the pick-up's deadline (60 s), short of the heartbeat's (110 s).
    clock.advance(50_000);
    const second = createDurableRuntime({ store, clock });
    await second.recover();
    await settle();
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    await second.sendTaskSuccess(token, 'encoded');
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'encoded' });
    await second.close();
  });

  it('count from when they were sent for an activity task a worker took while the process was down', async () => {
    const store = new InMemoryDurableStore();
    const clock = createVirtualClock({ start: T0, autoAdvance: false });
    const first = createDurableRuntime({ store, clock });
    const { activityArn } = await first.createActivity({ name: 'encode' });
    const started = await first.startExecution(encode(activityArn), { name: 'encode' });
    await until(async () => (await started.history()).some((e) => e.type === 'ActivityScheduled'));
    await first.close();
    // Taken at 10 s and beaten at 20 s through a runtime that runs nothing.
    clock.advance(10_000);
    const courier = createDurableRuntime({ store, clock });
    const token = (await courier.getActivityTask(activityArn))?.taskToken as string;
    clock.advance(10_000);
    await courier.sendTaskHeartbeat(token);
    await courier.close();
    // Back at 50 s: the pick-up is recorded now, and the clock counts from the heartbeat (80 s).
    clock.advance(30_000);
    const second = createDurableRuntime({ store, clock });
    await second.recover();
    await until(async () => (await started.history()).some((e) => e.type === 'ActivityStarted'));
    clock.advance(29_999);
    await settle();
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    clock.advance(1);
    await until(async () => (await store.getExecution(started.executionArn))?.status !== 'RUNNING');
    const timedOut = (await started.history()).find((e) => e.type === 'ActivityTimedOut');
    expect(timedOut?.timestamp.getTime()).toBe(T0 + 80_000);
    await second.close();
  });
});
