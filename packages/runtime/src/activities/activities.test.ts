import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createRuntime, type Runtime } from '../engine/runtime';
import { ActivityDoesNotExistError } from './activity-errors';

const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A worker as it would run in its own process: poll, do the work, answer through the token. */
async function worker(runtime: Runtime, activityArn: string, signal: AbortSignal, handled: unknown[]) {
  while (!signal.aborted) {
    const task = await runtime.getActivityTask(activityArn, { signal, workerName: 'resizer-1' });
    if (!task) continue;
    handled.push(task.input);
    const { width } = task.input as { width: number };
    if (width <= 0) await runtime.sendTaskFailure(task.taskToken, 'Resize.BadWidth', `width ${width}`);
    else await runtime.sendTaskSuccess(task.taskToken, { resizedTo: width / 2 });
  }
}

const machine = (activityArn: string, extra: Record<string, unknown> = {}) => ({
  StartAt: 'Resize',
  States: { Resize: { Type: 'Task', Resource: activityArn, End: true, ...extra } },
});

describe('activities', () => {
  it('hand the task to a polling worker and finish with its answer, recording Activity* events', async () => {
    const runtime = createRuntime();
    const { activityArn } = await runtime.createActivity({ name: 'resize' });
    expect(activityArn).toBe('arn:aws:states:us-east-1:123456789012:activity:resize');
    const stop = new AbortController();
    const handled: unknown[] = [];
    const working = worker(runtime, activityArn, stop.signal, handled);
    const execution = runtime.startExecution(machine(activityArn), { input: { width: 640 } });
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: { resizedTo: 320 } });
    expect(await runtime.execute(machine(activityArn), { input: { width: 0 } })).toEqual({
      status: 'FAILED',
      error: 'Resize.BadWidth',
      cause: 'width 0',
    });
    stop.abort();
    await working;
    expect(handled).toEqual([{ width: 640 }, { width: 0 }]);
    const events = execution.history();
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[3]?.activityStartedEventDetails).toEqual({ workerName: 'resizer-1' });
  });

  it('keep a task queued until a worker arrives, without starting the heartbeat clock', async () => {
    const clock = createVirtualClock({ start: 0 });
    const runtime = createRuntime({ clock });
    const { activityArn } = await runtime.createActivity({ name: 'slow' });
    const execution = runtime.startExecution(machine(activityArn, { HeartbeatSeconds: 5 }));
    await settled();
    clock.advance(60_000);
    await settled();
    expect(execution.status).toBe('RUNNING');
    const task = await runtime.getActivityTask(activityArn);
    if (!task) throw new Error('expected the queued task');
    await settled();
    clock.advance(6_000);
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    expect(execution.history().map((e) => e.type)).toContain('ActivityTimedOut');
  });

  it('answer a long poll with no task after 60 seconds', async () => {
    const clock = createVirtualClock({ start: 0 });
    const runtime = createRuntime({ clock });
    const { activityArn } = await runtime.createActivity({ name: 'idle' });
    const poll = runtime.getActivityTask(activityArn);
    expect(await poll).toBeUndefined();
    expect(clock.now()).toBe(60_000);
  });

  it('leave no listener on a worker’s signal after polls that found no task', async () => {
    const clock = createVirtualClock({ start: 0 });
    const runtime = createRuntime({ clock });
    const { activityArn } = await runtime.createActivity({ name: 'quiet' });
    const stop = new AbortController();
    for (let i = 0; i < 3; i++) {
      expect(await runtime.getActivityTask(activityArn, { signal: stop.signal })).toBeUndefined();
    }
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('answer a poll for one token at once, with no task when that token is not queued', async () => {
    const clock = createVirtualClock({ start: 0 });
    const runtime = createRuntime({ clock });
    const { activityArn } = await runtime.createActivity({ name: 'targeted' });
    const execution = runtime.startExecution(machine(activityArn), { input: { width: 4 } });
    await settled();
    expect(await runtime.getActivityTask(activityArn, { taskToken: 'elsewhere.1' })).toBeUndefined();
    const first = await runtime.getActivityTask(activityArn);
    if (!first) throw new Error('expected the queued task');
    await runtime.sendTaskFailure(first.taskToken, 'Retry.Me');
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'Retry.Me' });
    expect(clock.now()).toBe(0);
  });

  it('refuse to poll an activity that does not exist', async () => {
    const runtime = createRuntime();
    await expect(
      runtime.getActivityTask('arn:aws:states:us-east-1:123456789012:activity:ghost'),
    ).rejects.toBeInstanceOf(ActivityDoesNotExistError);
  });
});
