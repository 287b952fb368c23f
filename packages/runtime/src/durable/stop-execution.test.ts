import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../history/history-event';
import type { TaskContext } from '../tasks/task-handler';
import { createDurableRuntime } from './durable-runtime';
import { MAP_RUN_STOPPED } from './map-children';
import { distributedMap, fn } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';
import { DurableResourceNotFoundError } from './store-errors';
import { until } from './until.fixtures';

const slowTask = {
  StartAt: 'Work',
  States: { Work: { Type: 'Task', Resource: fn('work'), End: true } },
};

const longNap = {
  StartAt: 'Nap',
  States: {
    Nap: { Type: 'Wait', Seconds: 3600, Next: 'After' },
    After: { Type: 'Task', Resource: fn('work'), End: true },
  },
};

/** Ids run 1..n and the only terminal event is the last, an ExecutionAborted. */
function expectAbortedHistory(events: readonly HistoryEvent[]): HistoryEvent {
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  const ends = events.filter((e) => /^Execution(Succeeded|Failed|TimedOut|Aborted)$/.test(e.type));
  expect(ends.map((e) => e.type)).toEqual(['ExecutionAborted']);
  expect(events.at(-1)?.type).toBe('ExecutionAborted');
  return events.at(-1) as HistoryEvent;
}

describe('durable runtime: stopExecution', () => {
  it('stops an execution running here: its task sees its signal and the end carries error and cause', async () => {
    const store = new InMemoryDurableStore();
    const signals: AbortSignal[] = [];
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (_input: unknown, context: TaskContext) => {
          signals.push(context.signal);
          return new Promise<never>(() => {});
        },
      },
    });
    try {
      const started = await runtime.startExecution(slowTask, { name: 'order-1' });
      await until(() => signals.length === 1);
      const { stopDate } = await runtime.stopExecution(started.executionArn, {
        error: 'Cancelled',
        cause: 'The customer cancelled the order.',
      });
      expect(signals[0]?.aborted).toBe(true);
      expect(await started.result()).toEqual({
        status: 'ABORTED',
        error: 'Cancelled',
        cause: 'The customer cancelled the order.',
      });
      const aborted = expectAbortedHistory(await started.history());
      expect(aborted.executionAbortedEventDetails).toEqual({
        error: 'Cancelled',
        cause: 'The customer cancelled the order.',
      });
      expect(stopDate.getTime()).toBe((await runtime.describeExecution(started.executionArn))?.stopTime);
      expect(runtime.running).toBe(0);
    } finally {
      await runtime.close();
    }
  });

  it('stops an execution that left memory while it waits, and drops its timer', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, unloadAfterMs: 20 });
    try {
      const started = await runtime.startExecution(longNap, { name: 'napping' });
      await until(() => runtime.running === 0);
      expect(await store.listTimers(started.executionArn)).toHaveLength(1);
      await runtime.stopExecution(started.executionArn, { cause: 'no longer needed' });
      expect(await started.result()).toEqual({ status: 'ABORTED', cause: 'no longer needed' });
      const aborted = expectAbortedHistory(await started.history());
      expect(aborted.previousEventId).toBe(aborted.id - 1);
      expect(await store.listTimers(started.executionArn)).toEqual([]);
      expect(runtime.running).toBe(0);
    } finally {
      await runtime.close();
    }
  });

  it('stops a queued execution that never ran: it starts and ends, and its task never runs', async () => {
    const store = new InMemoryDurableStore();
    let calls = 0;
    const runtime = createDurableRuntime({
      store,
      handlers: { [fn('work')]: () => ++calls },
    });
    try {
      const queued = await runtime.startExecution(slowTask, { input: { n: 1 }, enqueue: true });
      expect(await store.listEvents(queued.executionArn)).toEqual([]);
      await runtime.stopExecution(queued.executionArn);
      expect(await queued.result()).toEqual({ status: 'ABORTED' });
      const history = await queued.history();
      expect(history.map((e) => e.type)).toEqual(['ExecutionStarted', 'ExecutionAborted']);
      expect(history[0]?.executionStartedEventDetails?.input).toBe('{"n":1}');
      expect(calls).toBe(0);
    } finally {
      await runtime.close();
    }
  });

  it('stops an execution of the store that this runtime has not resumed yet', async () => {
    const store = new InMemoryDurableStore();
    const first = createDurableRuntime({ store, handlers: { [fn('work')]: () => new Promise(() => {}) } });
    const started = await first.startExecution(slowTask, { name: 'left-behind' });
    await first.close();
    const second = createDurableRuntime({ store });
    try {
      await second.stopExecution(started.executionArn, { error: 'Stale' });
      expect(await second.describeExecution(started.executionArn)).toMatchObject({
        status: 'ABORTED',
        error: 'Stale',
      });
      expectAbortedHistory(await second.getExecutionHistory(started.executionArn));
      // Nothing is left to resume.
      expect(await second.recover()).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('refuses an answer to a task of the execution once it is stopped', async () => {
    const callback = {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: fn('ask'), Payload: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    };
    const tokens: string[] = [];
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: { [fn('ask')]: (input: unknown) => tokens.push((input as { token: string }).token) },
    });
    try {
      const started = await runtime.startExecution(callback);
      await until(() => tokens.length === 1);
      await runtime.stopExecution(started.executionArn);
      await expect(runtime.sendTaskSuccess(tokens[0] as string, {})).rejects.toMatchObject({
        code: 'TASK_TIMED_OUT',
      });
      expect(await started.result()).toEqual({ status: 'ABORTED' });
    } finally {
      await runtime.close();
    }
  });

  it("stops the children of a parent's distributed Map through the store, when the parent runs nowhere", async () => {
    const store = new InMemoryDurableStore();
    const signals: AbortSignal[] = [];
    const mapOverItems = distributedMap();
    const first = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (_input: unknown, context: TaskContext) => {
          signals.push(context.signal);
          return new Promise<never>(() => {});
        },
      },
    });
    const parent = await first.startExecution(mapOverItems, { input: { items: [1, 2, 3] } });
    await until(() => signals.length === 3);
    // Another parent of the same machine, whose children must be left alone.
    const bystander = await first.startExecution(mapOverItems, { input: { items: [4] } });
    await until(() => signals.length === 4);
    await first.close();
    const second = createDurableRuntime({ store });
    try {
      await second.stopExecution(parent.executionArn, { cause: 'operator' });
      const rows = await store.listExecutions();
      const children = rows.filter((row) => row.executionArn.includes('/Each:'));
      expect(children.map((row) => row.status).sort()).toEqual(['ABORTED', 'ABORTED', 'ABORTED', 'RUNNING']);
      expect(children.filter((row) => row.status === 'ABORTED').map((row) => row.cause)).toEqual([
        MAP_RUN_STOPPED,
        MAP_RUN_STOPPED,
        MAP_RUN_STOPPED,
      ]);
      expect((await store.getExecution(bystander.executionArn))?.status).toBe('RUNNING');
    } finally {
      await second.close();
    }
  });

  it('leaves an execution that has already ended as it is', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, handlers: { [fn('work')]: () => 'done' } });
    try {
      const started = await runtime.startExecution(slowTask);
      expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
      const before = await started.history();
      const { stopDate } = await runtime.stopExecution(started.executionArn, { cause: 'too late' });
      const row = await runtime.describeExecution(started.executionArn);
      expect(row?.status).toBe('SUCCEEDED');
      expect(stopDate.getTime()).toBe(row?.stopTime);
      expect(await started.history()).toEqual(before);
    } finally {
      await runtime.close();
    }
  });

  it('refuses an unknown execution with a typed error', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    try {
      const arn = 'arn:aws:states:us-east-1:123456789012:execution:StateMachine:missing';
      const stopping = runtime.stopExecution(arn);
      await expect(stopping).rejects.toBeInstanceOf(DurableResourceNotFoundError);
      await expect(stopping).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND', arn });
    } finally {
      await runtime.close();
    }
  });

  it('can redrive what it stopped, from the state that was running', async () => {
    const store = new InMemoryDurableStore();
    let calls = 0;
    const runtime = createDurableRuntime({
      store,
      handlers: { [fn('work')]: () => (++calls === 1 ? new Promise(() => {}) : 'second try') },
    });
    try {
      const started = await runtime.startExecution(slowTask);
      await until(() => calls === 1);
      await runtime.stopExecution(started.executionArn);
      const redriven = await runtime.redriveExecution(started.executionArn);
      expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: 'second try' });
      expect((await runtime.describeExecution(started.executionArn))?.redriveCount).toBe(1);
    } finally {
      await runtime.close();
    }
  });
});

describe('stopping a parent stops its Map Run children', () => {
  const nap = { StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 3600, End: true } } };
  const childrenOf = async (store: InMemoryDurableStore, parentArn: string) =>
    (await store.listExecutions()).filter((e) => e.executionArn !== parentArn);

  it('before the stop returns, when the parent runs here', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store });
    const parent = await runtime.startExecution(distributedMap({}, 'STANDARD', nap), {
      input: { items: [1, 2, 3] },
    });
    await until(async () => (await childrenOf(store, parent.executionArn)).length === 3);
    await runtime.stopExecution(parent.executionArn, { error: 'Cancelled' });
    // Nothing waited for since: a crash now would leave no child to run on.
    expect((await childrenOf(store, parent.executionArn)).map((e) => e.status)).toEqual([
      'ABORTED',
      'ABORTED',
      'ABORTED',
    ]);
    await runtime.close();
  });

  it('through the store, when the run has no child for its first item (a tolerated failure)', async () => {
    const store = new InMemoryDurableStore();
    const first = createDurableRuntime({ store });
    const definition = distributedMap(
      { ItemSelector: { 'n.$': '$$.Map.Item.Value.n' }, ToleratedFailureCount: 1 },
      'STANDARD',
      nap,
    );
    // Item 0 has no `n`: its ItemSelector fails, so no child starts for it.
    const parent = await first.startExecution(definition, { input: { items: [{}, { n: 1 }, { n: 2 }] } });
    await until(async () => (await childrenOf(store, parent.executionArn)).length === 2);
    expect((await childrenOf(store, parent.executionArn)).length).toBe(2);
    await first.close();
    const second = createDurableRuntime({ store });
    await second.stopExecution(parent.executionArn, { error: 'Cancelled' });
    expect((await childrenOf(store, parent.executionArn)).map((e) => e.status)).toEqual([
      'ABORTED',
      'ABORTED',
    ]);
    await second.close();
  });
});
