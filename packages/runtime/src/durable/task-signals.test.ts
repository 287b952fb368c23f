import { describe, expect, it } from 'vitest';
import { TaskTimedOutError } from '../callbacks/callback-errors';
import { createVirtualClock, type VirtualClock } from '../clock/virtual-clock';
import type { AppliedTaskSignals } from './applied-signals';
import { approval, tokenBox } from './contract/callback-workflow';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';
import type { TaskAnswer, TaskSignalOutcome } from './stored-tasks';
import { until } from './until.fixtures';

const encode = (activityArn: string, limits: Record<string, number>) => ({
  StartAt: 'Encode',
  States: { Encode: { Type: 'Task', Resource: activityArn, End: true, ...limits } },
});

/** Lets the runtime act on what the virtual clock just did (fire a timer, commit). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A worker in another process takes the activity task at the instant the execution is unloaded. */
class RacedStore extends InMemoryDurableStore {
  activityArn: string | undefined;
  taken: string | undefined;
  override async unload(
    owner: string,
    arn: string,
    wakeAt: number,
    applied: readonly AppliedTaskSignals[],
  ): Promise<boolean> {
    if (this.activityArn && !this.taken) {
      this.taken = (await this.takeActivityTask(this.activityArn, 'quick-worker'))?.token;
    }
    return super.unload(owner, arn, wakeAt, applied);
  }
}

describe('task signals of executions that leave memory', () => {
  it('wake an execution for a heartbeat, whose clock then counts from that heartbeat', async () => {
    const clock = createVirtualClock({ start: 0, autoAdvance: false });
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, clock, unloadAfterMs: 40 });
    const { activityArn } = await runtime.createActivity({ name: 'encode' });
    const started = await runtime.startExecution(encode(activityArn, { HeartbeatSeconds: 60 }));
    const token = (await runtime.getActivityTask(activityArn))?.taskToken as string;
    // Idle for 30 s with its heartbeat deadline 30 s away: it leaves memory.
    clock.advance(30_000);
    await until(() => runtime.running === 0);
    expect(runtime.running).toBe(0);

    await runtime.sendTaskHeartbeat(token);
    await until(() => runtime.running === 1);
    const timers = () => store.listTimers(started.executionArn);
    await until(async () => (await timers()).some((t) => t.due === 90_000));
    expect((await timers()).map((t) => t.due)).toEqual([90_000]);
    // Past the deadline the pick-up set (60 s), short of the one the heartbeat set (90 s).
    clock.advance(40_000);
    await settle();
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    await runtime.sendTaskSuccess(token, 'encoded');
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'encoded' });
    await runtime.close();
  });

  it('keep an execution whose activity task a worker takes as it leaves memory, and record the pick-up then', async () => {
    const clock = createVirtualClock({ start: 0, autoAdvance: false });
    const store = new RacedStore();
    const runtime = createDurableRuntime({ store, clock, unloadAfterMs: 40 });
    const { activityArn } = await runtime.createActivity({ name: 'encode' });
    const started = await runtime.startExecution(encode(activityArn, { TimeoutSeconds: 3600 }));
    store.activityArn = activityArn;
    clock.advance(60_000);
    const pickedUp = async () => (await started.history()).find((e) => e.type === 'ActivityStarted');
    await until(async () => (await pickedUp()) !== undefined);
    // Recorded when the worker took it, not at the wake an hour later.
    expect((await pickedUp())?.timestamp.getTime()).toBe(60_000);
    expect((await pickedUp())?.activityStartedEventDetails).toEqual({ workerName: 'quick-worker' });
    expect(runtime.running).toBe(1);
    await runtime.sendTaskSuccess(store.taken as string, 'encoded');
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'encoded' });
    await runtime.close();
  });
});

/** The task's TimeoutSeconds runs out right after the store took an answer to it. */
class AnswerThenTimeout extends InMemoryDurableStore {
  clock: VirtualClock | undefined;
  override async answerTask(token: string, arn: string, answer: TaskAnswer): Promise<TaskSignalOutcome> {
    const outcome = await super.answerTask(token, arn, answer);
    if (this.clock) {
      this.clock.advance(10_000);
      await until(async () => (await this.getTaskToken(token))?.state === 'TIMED_OUT');
    }
    return outcome;
  }
}

describe('an answer that races its task timing out', () => {
  it('is refused with TaskTimedOutError once the task timed out, not taken and then dropped', async () => {
    const clock = createVirtualClock({ start: 0, autoAdvance: false });
    const store = new AnswerThenTimeout();
    const { tokens, handlers } = tokenBox();
    const runtime = createDurableRuntime({ store, clock, handlers });
    const definition = structuredClone(approval);
    (definition.States.Ask as Record<string, unknown>).TimeoutSeconds = 5;
    const started = await runtime.startExecution(definition);
    await until(async () => (await started.history()).some((e) => e.type === 'TaskSubmitted'));
    store.clock = clock;
    await expect(runtime.sendTaskSuccess(tokens[0] as string, { approved: true })).rejects.toBeInstanceOf(
      TaskTimedOutError,
    );
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    await runtime.close();
  });
});
