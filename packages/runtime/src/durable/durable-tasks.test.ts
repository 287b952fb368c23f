import { describe, expect, it } from 'vitest';
import { ActivityDoesNotExistError } from '../activities/activity-errors';
import { InvalidTokenError, TaskDoesNotExistError, TaskTimedOutError } from '../callbacks/callback-errors';
import { createVirtualClock } from '../clock/virtual-clock';
import { approval, tokenBox } from './contract/callback-workflow';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const activityMachine = (activityArn: string, extra: Record<string, unknown> = {}) => ({
  StartAt: 'Resize',
  States: { Resize: { Type: 'Task', Resource: activityArn, End: true, ...extra } },
});

describe('durable activities', () => {
  it('hand out a task scheduled before a restart after it, and finish with its answer', async () => {
    const store = new InMemoryDurableStore();
    const first = createDurableRuntime({ store });
    const { activityArn } = await first.createActivity({ name: 'resize' });
    const started = await first.startExecution(activityMachine(activityArn), { input: { width: 640 } });
    await until(async () => (await started.history()).some((e) => e.type === 'ActivityScheduled'));
    await first.close();

    const second = createDurableRuntime({ store });
    await second.recover();
    const task = await second.getActivityTask(activityArn, { workerName: 'resizer-2' });
    expect(task?.input).toEqual({ width: 640 });
    await second.sendTaskSuccess(task?.taskToken as string, { resizedTo: 320 });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { resizedTo: 320 } });
    const history = await started.history();
    expect(history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history[3]?.activityStartedEventDetails).toEqual({ workerName: 'resizer-2' });
  });

  it('take an answer after a restart for a task a worker took before it', async () => {
    const store = new InMemoryDurableStore();
    const first = createDurableRuntime({ store });
    const { activityArn } = await first.createActivity({ name: 'resize' });
    const started = await first.startExecution(activityMachine(activityArn), { input: { width: 8 } });
    const task = await first.getActivityTask(activityArn, { workerName: 'resizer-1' });
    await until(async () => (await started.history()).some((e) => e.type === 'ActivityStarted'));
    await first.close();

    const second = createDurableRuntime({ store });
    await second.recover();
    await second.sendTaskFailure(task?.taskToken as string, 'Resize.Failed', 'disk full');
    expect(await started.result()).toEqual({ status: 'FAILED', error: 'Resize.Failed', cause: 'disk full' });
    const types = (await started.history()).map((e) => e.type);
    expect(types.filter((t) => t === 'ActivityStarted')).toHaveLength(1);
    expect(types).toContain('ActivityFailed');
  });

  it('keep the heartbeat clock the last heartbeat set before a restart', async () => {
    const store = new InMemoryDurableStore();
    const before = createVirtualClock({ start: 0, autoAdvance: false });
    const first = createDurableRuntime({ store, clock: before });
    const { activityArn } = await first.createActivity({ name: 'encode' });
    const started = await first.startExecution(activityMachine(activityArn, { HeartbeatSeconds: 60 }));
    const token = (await first.getActivityTask(activityArn))?.taskToken as string;
    before.advance(50_000);
    await first.sendTaskHeartbeat(token);
    const timers = () => store.listTimers(started.executionArn);
    await until(async () => (await timers()).some((t) => t.due === 110_000));
    await first.close();

    // Replayed, the task starts its heartbeat clock again at ActivityStarted (t = 0), which ran
    // out at 60 s: the deadline the heartbeat set (110 s) is the one that holds.
    const after = createVirtualClock({ start: 100_000, autoAdvance: false });
    const second = createDurableRuntime({ store, clock: after });
    await second.recover();
    // Armed again once the resumed run has replayed the pick-up.
    await until(async () => (await timers()).length > 0);
    expect((await timers()).map((t) => t.due)).toEqual([110_000]);
    after.advance(9_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    after.advance(1_000);
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    const timedOut = (await started.history()).find((e) => e.type === 'ActivityTimedOut');
    expect(timedOut?.timestamp.getTime()).toBe(110_000);
    await second.close();
  });

  it('answer a long poll with no task after 60 seconds of the runtime clock', async () => {
    const clock = createVirtualClock({ start: 0 });
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), clock });
    const { activityArn } = await runtime.createActivity({ name: 'idle' });
    let answered = false;
    const poll = runtime.getActivityTask(activityArn).finally(() => {
      answered = true;
    });
    while (!answered) {
      // Lets the poll look at the store again before the clock moves on.
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      if (!answered) clock.advance(1000);
    }
    expect(await poll).toBeUndefined();
    expect(clock.now()).toBe(60_000);
  });

  it('refuse to poll an activity that does not exist', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    await expect(
      runtime.getActivityTask('arn:aws:states:us-east-1:123456789012:activity:ghost'),
    ).rejects.toBeInstanceOf(ActivityDoesNotExistError);
  });
});

describe('tasks of a branch that a failing sibling cancelled', () => {
  const boom = 'arn:aws:lambda:us-east-1:123456789012:function:boom';
  const failsSoon = {
    [boom]: async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw new Error('boom');
    },
  };
  const caughtParallel = (resize: string, hold: string) => ({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Task', Resource: resize, End: true } } },
          { StartAt: 'B', States: { B: { Type: 'Task', Resource: boom, End: true } } },
        ],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Hold' }],
        End: true,
      },
      Hold: { Type: 'Task', Resource: hold, End: true },
    },
  });

  it('withdraw its activity task, as the in-memory runtime does: no worker gets it', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, handlers: failsSoon });
    const resize = (await runtime.createActivity({ name: 'resize' })).activityArn;
    const hold = (await runtime.createActivity({ name: 'hold' })).activityArn;
    await runtime.startExecution(caughtParallel(resize, hold));
    expect(await runtime.getActivityTask(hold, { workerName: 'holder' })).toBeDefined();
    const late = await runtime.getActivityTask(resize, {
      workerName: 'late',
      signal: AbortSignal.timeout(100),
    });
    expect(late).toBeUndefined();
    await runtime.close();
  });
});

describe('durable callbacks', () => {
  it('keep an answer sent while no runtime runs the execution, and apply it when it resumes', async () => {
    const store = new InMemoryDurableStore();
    const box = tokenBox();
    const first = createDurableRuntime({ store, handlers: box.handlers });
    const started = await first.startExecution(approval, { name: 'approval' });
    await until(() => box.tokens.length === 1);
    await first.close();

    const second = createDurableRuntime({ store, handlers: box.handlers });
    await second.sendTaskSuccess(box.tokens[0] as string, { approved: true });
    await second.recover();
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    expect(box.tokens.every((token) => token === box.tokens[0])).toBe(true);
  });

  it('send the token out once: a run resumed after the task was submitted only waits for its answer', async () => {
    const store = new InMemoryDurableStore();
    const box = tokenBox();
    const first = createDurableRuntime({ store, handlers: box.handlers, unloadAfterMs: 40 });
    const started = await first.startExecution(approval);
    // It leaves memory, and a heartbeat wakes it: replayed once.
    await until(() => first.running === 0);
    expect(first.running).toBe(0);
    await first.sendTaskHeartbeat(box.tokens[0] as string);
    await until(() => first.running === 1);
    await first.close();
    // Replayed again by the runtime of the next process.
    const second = createDurableRuntime({ store, handlers: box.handlers });
    await second.recover();
    await second.sendTaskSuccess(box.tokens[0] as string, { approved: true });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    expect(box.tokens).toHaveLength(1);
    const types = (await started.history()).map((e) => e.type);
    expect(types.filter((type) => type === 'TaskSubmitted')).toHaveLength(1);
    await second.close();
  });

  it('refuse garbage, a second answer, and answers after the execution ended', async () => {
    const store = new InMemoryDurableStore();
    const box = tokenBox();
    const runtime = createDurableRuntime({ store, handlers: box.handlers });
    const started = await runtime.startExecution(approval);
    await until(() => box.tokens.length === 1);
    const token = box.tokens[0] as string;
    await expect(runtime.sendTaskSuccess('not a token', {})).rejects.toBeInstanceOf(InvalidTokenError);
    await runtime.sendTaskHeartbeat(token);
    await runtime.sendTaskSuccess(token, 'yes');
    await expect(runtime.sendTaskSuccess(token, 'again')).rejects.toBeInstanceOf(TaskDoesNotExistError);
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'yes' });
    await expect(runtime.sendTaskFailure(token, 'Late')).rejects.toBeInstanceOf(TaskTimedOutError);
    const forged = `${Buffer.from('arn:aws:states:us-east-1:1:execution:M:none').toString('base64url')}.7`;
    await expect(runtime.sendTaskSuccess(forged, {})).rejects.toBeInstanceOf(TaskDoesNotExistError);
  });

  it('keep the duration limit of their first start: a year after it, not after the resume', async () => {
    const store = new InMemoryDurableStore();
    const box = tokenBox();
    const first = createDurableRuntime({ store, handlers: box.handlers });
    const started = await first.startExecution(approval, { name: 'forgotten' });
    await until(() => box.tokens.length === 1);
    await first.close();
    const startTime = (await store.getExecution(started.executionArn))?.startTime as number;

    const day = 24 * 3600 * 1000;
    const clock = createVirtualClock({ start: startTime + 200 * day });
    const second = createDurableRuntime({ store, handlers: box.handlers, clock });
    await second.recover();
    // The execution waits on its callback, which the virtual clock does not skip over.
    await until(() => clock.pendingTimers() > 0);
    clock.advance(164 * day);
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    clock.advance(1 * day);
    expect(await started.result()).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    const last = (await started.history()).at(-1);
    expect(last?.type).toBe('ExecutionTimedOut');
    expect(last?.timestamp.getTime()).toBe(startTime + 365 * day);
    await second.close();
  });
});
