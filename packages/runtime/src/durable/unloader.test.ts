import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../tasks/task-handler';
import { createDurableRuntime } from './durable-runtime';
import type { CommitBatch, CommitResult } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';

const nap = (seconds: number) => ({
  StartAt: 'Nap',
  States: {
    Nap: { Type: 'Wait', Seconds: seconds, Next: 'Done' },
    Done: { Type: 'Pass', Result: 'rested', End: true },
  },
});

const notify = 'arn:aws:lambda:us-east-1:123456789012:function:notify';
const approval = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: notify, Payload: { 'token.$': '$$.Task.Token' } },
      End: true,
    },
  },
};

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  for (let waited = 0; waited < ms && !(await check()); waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('executions that only wait leave memory', () => {
  it('unloads a Wait and replays it when due, recording every event once', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, unloadAfterMs: 50 });
    const started = await runtime.startExecution(nap(1), { name: 'nap' });
    await until(() => runtime.running === 0);
    expect(runtime.running).toBe(0);
    expect(await store.nextWake()).toBeGreaterThan(Date.now());
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'rested' });
    expect((await started.history()).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    await runtime.close();
  });

  it('keeps an execution whose next timer is near, and one whose task handler runs', async () => {
    let release: (value: unknown) => void = () => {};
    const slow = 'arn:aws:lambda:us-east-1:123456789012:function:slow';
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      unloadAfterMs: 600,
      handlers: { [slow]: () => new Promise((resolve) => (release = resolve)) },
    });
    const napping = await runtime.startExecution(nap(1));
    const busy = await runtime.startExecution({
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: slow, End: true } },
    });
    // Idle long enough, but due in less than 600 ms: the Wait stays, as does the running task.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(runtime.running).toBe(2);
    release('worked');
    expect(await busy.result()).toEqual({ status: 'SUCCEEDED', output: 'worked' });
    expect(await napping.result()).toEqual({ status: 'SUCCEEDED', output: 'rested' });
    await runtime.close();
  });

  it('wakes an execution waiting on a callback when the answer arrives', async () => {
    const tokens: string[] = [];
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      unloadAfterMs: 50,
      handlers: {
        [notify]: (input: unknown, _context: TaskContext) => {
          tokens.push((input as { token: string }).token);
          return {};
        },
      },
    });
    const started = await runtime.startExecution(approval);
    await until(() => tokens.length === 1 && runtime.running === 0);
    expect(runtime.running).toBe(0);
    await runtime.sendTaskSuccess(tokens[0] as string, { approved: true });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    await runtime.close();
  });

  it('wakes an execution waiting on an activity when a worker takes its task', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), unloadAfterMs: 50 });
    const { activityArn } = await runtime.createActivity({ name: 'later' });
    const started = await runtime.startExecution({
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: activityArn, End: true } },
    });
    await until(() => runtime.running === 0);
    const task = await runtime.getActivityTask(activityArn, { workerName: 'late-worker' });
    await until(() => runtime.running === 1);
    expect(runtime.running).toBe(1);
    await runtime.sendTaskSuccess(task?.taskToken as string, 'done');
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
    const history = await started.history();
    expect(history.filter((e) => e.type === 'ActivityStarted')).toHaveLength(1);
    await runtime.close();
  });

  it('resumes the executions that fall due together at once, so their ends share commits', async () => {
    /** Answers every call on a later turn of the event loop, as a store across a thread or a socket does. */
    class DistantStore extends InMemoryDurableStore {
      readonly ends: number[] = [];
      override clearTimers(arn: string): Promise<void> {
        return new Promise((resolve) => setImmediate(resolve)).then(() => super.clearTimers(arn));
      }
      override commit(batch: CommitBatch): Promise<CommitResult> {
        const ended = batch.events.filter((e) => e.type === 'ExecutionSucceeded').length;
        if (ended > 0) this.ends.push(ended);
        return super.commit(batch);
      }
    }
    const store = new DistantStore();
    const runtime = createDurableRuntime({ store, unloadAfterMs: 50 });
    const due = new Date(Date.now() + 600).toISOString();
    const alarm = { StartAt: 'Nap', States: { Nap: { Type: 'Wait', Timestamp: due, End: true } } };
    const started = await Promise.all(Array.from({ length: 40 }, () => runtime.startExecution(alarm)));
    await until(() => runtime.running === 0);
    expect(runtime.running).toBe(0);
    for (const execution of started) expect((await execution.result()).status).toBe('SUCCEEDED');
    expect(store.ends.reduce((sum, n) => sum + n, 0)).toBe(40);
    // One at a time, each resume waited for its own trip to the store and ended in a commit of its own.
    expect(store.ends.length).toBeLessThanOrEqual(3);
    await runtime.close();
  });
});
