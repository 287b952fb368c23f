import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import type { TaskContext } from '../tasks/task-handler';
import { createDurableRuntime } from './durable-runtime';
import { childIdentity, MAP_RUN_STOPPED } from './map-children';
import { distributedMap, distributedState, fn, oneTask } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const never = () => new Promise<never>(() => {});

describe('durable distributed Map: STANDARD children are executions of their own', () => {
  it('stores each child with an AWS-shaped ARN and a history of its own', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({
      store,
      handlers: { [fn('work')]: (item: unknown) => (item as number) * 10 },
    });
    const parent = await runtime.startExecution(distributedMap({ Label: 'Tens' }), {
      name: 'p',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders',
      input: { items: [1, 2, 3] },
    });
    expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: [10, 20, 30] });

    const runStarted = (await parent.history()).find((e) => e.type === 'MapRunStarted');
    const mapRunArn = String(runStarted?.mapRunStartedEventDetails?.mapRunArn);
    expect(mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:Orders\/Tens:[0-9a-f-]{36}$/);
    const child = childIdentity(mapRunArn, 1);
    expect(child.executionArn).toMatch(
      /^arn:aws:states:us-east-1:123456789012:execution:Orders\/Tens:[0-9a-f-]{36}$/,
    );
    const row = await runtime.describeExecution(child.executionArn);
    expect(row).toMatchObject({
      status: 'SUCCEEDED',
      output: '20',
      input: '2',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders/Tens',
    });
    const history = await runtime.getExecutionHistory(child.executionArn);
    expect(history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    // The parent's own history has the Map Run, not the children's states.
    expect((await parent.history()).some((e) => e.type === 'TaskStateEntered')).toBe(false);
    await runtime.close();
  });

  it('after a restart, runs only the children that had not finished, and the Map gives the same output', async () => {
    const store = new InMemoryDurableStore();
    const calls: number[] = [];
    const first = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (item: unknown) => {
          calls.push(item as number);
          return item === 3 ? never() : (item as number) * 10;
        },
      },
    });
    const parent = await first.startExecution(distributedMap(), { name: 'p', input: { items: [1, 2, 3] } });
    await until(() => calls.length === 3);
    await new Promise((r) => setTimeout(r, 20));
    await first.close();
    expect(calls.sort()).toEqual([1, 2, 3]);

    const second = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (item: unknown) => {
          calls.push(item as number);
          return (item as number) * 10;
        },
      },
    });
    const resumed = await second.recover();
    // The parent and the child that was running; the finished children are not resumed.
    expect(resumed).toHaveLength(2);
    expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: [10, 20, 30] });
    expect(calls.slice(3)).toEqual([3]);
    const children = (await store.listExecutions()).filter((e) => e.executionArn !== parent.executionArn);
    expect(children.map((e) => e.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    await second.close();
  });

  it('fails the Map with a failed child beyond tolerance, and aborts the children still running', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: async (item: unknown, context: TaskContext) => {
          if (item === 'bad') throw Object.assign(new Error('no'), { name: 'Item.Bad' });
          await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
          return 'stopped';
        },
      },
    });
    const parent = await runtime.startExecution(distributedMap(), {
      name: 'p',
      input: { items: ['slow', 'bad'] },
    });
    expect(await parent.result()).toMatchObject({ status: 'FAILED', error: 'Item.Bad' });
    const childStatuses = async () =>
      (await store.listExecutions())
        .filter((e) => e.executionArn !== parent.executionArn)
        .map((e) => e.status)
        .sort();
    await until(async () => !(await childStatuses()).includes('RUNNING'));
    expect(await childStatuses()).toEqual(['ABORTED', 'FAILED']);
    const aborted = (await store.listExecutions({ status: 'ABORTED' }))[0];
    expect(aborted?.cause).toBe(MAP_RUN_STOPPED);
    await runtime.close();
  });

  it('redrives its Map Run when the parent is redriven: only the children that did not succeed run again', async () => {
    const store = new InMemoryDurableStore();
    let failing = true;
    const calls: unknown[] = [];
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (item: unknown) => {
          calls.push(item);
          if (failing && item === 2) throw Object.assign(new Error('not yet'), { name: 'Item.NotYet' });
          return item;
        },
      },
    });
    const parent = await runtime.startExecution(distributedMap({ ToleratedFailureCount: 1 }), {
      input: { items: [1, 2, 3] },
    });
    // A tolerated failed child keeps its slot in the Map's output, as an inline iteration's does.
    expect(await parent.result()).toEqual({
      status: 'SUCCEEDED',
      output: [1, { Error: 'Item.NotYet', Cause: 'not yet' }, 3],
    });
    const strict = await runtime.startExecution(distributedMap(), { input: { items: [1, 2, 3] } });
    expect(await strict.result()).toMatchObject({ status: 'FAILED', error: 'Item.NotYet' });
    calls.length = 0;
    failing = false;
    const redriven = await runtime.redriveExecution(strict.executionArn);
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: [1, 2, 3] });
    expect(calls).toEqual([2]);
    const failedChild = (await store.listExecutions()).find((e) => e.redriveCount === 1);
    expect(failedChild?.status).toBe('SUCCEEDED');
    expect((await runtime.getExecutionHistory(failedChild?.executionArn ?? '')).map((e) => e.type)).toContain(
      'ExecutionRedriven',
    );
    // The parent records where its Map Run went on, as AWS does.
    const parentHistory = await runtime.getExecutionHistory(strict.executionArn);
    const runStarted = parentHistory.find((e) => e.type === 'MapRunStarted');
    const runRedriven = parentHistory.find((e) => e.type === 'MapRunRedriven');
    expect(runRedriven).toMatchObject({
      previousEventId: runStarted?.id,
      mapRunRedrivenEventDetails: {
        mapRunArn: runStarted?.mapRunStartedEventDetails?.mapRunArn,
        redriveCount: 1,
      },
    });
    expect(parentHistory.map((e) => e.type).slice(-6)).toEqual([
      'ExecutionRedriven',
      'MapRunRedriven',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    await runtime.close();
  });

  it('counts the redrives of a Map Run that fails again, and records none for a run that had succeeded', async () => {
    const store = new InMemoryDurableStore();
    let failures = 2;
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (item: unknown) => {
          if (item === 2 && failures > 0) throw Object.assign(new Error('not yet'), { name: 'Item.NotYet' });
          return item;
        },
      },
    });
    const parent = await runtime.startExecution(distributedMap(), { input: { items: [1, 2, 3] } });
    expect(await parent.result()).toMatchObject({ status: 'FAILED' });
    failures = 1;
    expect(await (await runtime.redriveExecution(parent.executionArn)).result()).toMatchObject({
      status: 'FAILED',
    });
    failures = 0;
    expect(await (await runtime.redriveExecution(parent.executionArn)).result()).toMatchObject({
      status: 'SUCCEEDED',
    });
    const history = await runtime.getExecutionHistory(parent.executionArn);
    expect(
      history
        .filter((e) => e.type === 'MapRunRedriven')
        .map((e) => (e.mapRunRedrivenEventDetails as { redriveCount: number }).redriveCount),
    ).toEqual([1, 2]);
    expect(history.map((e) => e.id)).toEqual(history.map((_, index) => index + 1));

    // A run that had succeeded before a later state failed is replayed, not redriven.
    let afterFails = true;
    const then = {
      StartAt: 'Each',
      States: {
        Each: { ...withoutEnd(distributedState(oneTask(fn('work')))), Next: 'After' },
        After: { Type: 'Task', Resource: fn('after'), End: true },
      },
    };
    const second = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (item: unknown) => item,
        [fn('after')]: () => (afterFails ? Promise.reject(new Error('later')) : 'done'),
      },
    });
    const later = await second.startExecution(then, { input: { items: [1, 3] } });
    expect((await later.result()).status).toBe('FAILED');
    afterFails = false;
    expect(await (await second.redriveExecution(later.executionArn)).result()).toEqual({
      status: 'SUCCEEDED',
      output: 'done',
    });
    const laterTypes = (await second.getExecutionHistory(later.executionArn)).map((e) => e.type);
    expect(laterTypes).toContain('ExecutionRedriven');
    expect(laterTypes).not.toContain('MapRunRedriven');
    await second.close();
    await runtime.close();
  });

  it('leaves a Map Run that ended, its failed child tolerated, as it was when a later state is redriven', async () => {
    const store = new InMemoryDurableStore();
    const calls: unknown[] = [];
    let afterFails = true;
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('work')]: (item: unknown) => {
          calls.push(item);
          if (item === 2) throw Object.assign(new Error('always'), { name: 'Item.Bad' });
          return item;
        },
        [fn('after')]: () => (afterFails ? Promise.reject(new Error('later')) : 'done'),
      },
    });
    const { End: _end, ...each } = distributedState(oneTask(fn('work')), {
      ItemsPath: '$.items',
      ToleratedFailureCount: 1,
    });
    const definition = {
      StartAt: 'Each',
      States: { Each: { ...each, Next: 'After' }, After: { Type: 'Task', Resource: fn('after'), End: true } },
    };
    const parent = await runtime.startExecution(definition, {
      name: 'tolerant',
      input: { items: [1, 2, 3] },
    });
    expect(await parent.result()).toMatchObject({ status: 'FAILED' });
    calls.length = 0;
    afterFails = false;
    expect(await (await runtime.redriveExecution(parent.executionArn)).result()).toEqual({
      status: 'SUCCEEDED',
      output: 'done',
    });
    expect(calls).toEqual([]);
    const children = (await store.listExecutions()).filter((e) => e.executionArn !== parent.executionArn);
    expect(children.map((child) => child.redriveCount)).toEqual([0, 0, 0]);
    const types = (await runtime.getExecutionHistory(parent.executionArn)).map((e) => e.type);
    expect(types).not.toContain('MapRunRedriven');
    await runtime.close();
  });

  it('wakes the parent as soon as a child that left memory while it waited ends', async () => {
    const store = new InMemoryDurableStore();
    // Time moves only when the test says: the children leave memory long before they are due.
    const clock = createVirtualClock({ autoAdvance: false });
    const runtime = createDurableRuntime({ store, unloadAfterMs: 50, clock });
    const napping = distributedMap({}, 'STANDARD', {
      StartAt: 'Nap',
      States: { Nap: { Type: 'Wait', Seconds: 3600, End: true } },
    });
    const parent = await runtime.startExecution(napping, { input: { items: ['a', 'b'] } });
    // The children only wait: they leave memory, and the parent (its Map Run in flight) stays.
    await until(() => {
      clock.advance(10);
      return runtime.running === 1;
    });
    expect(runtime.running).toBe(1);
    const due = Date.now();
    clock.advance(3600 * 1000);
    expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: ['a', 'b'] });
    // Woken by the children's ends, not found by a later poll.
    expect(Date.now() - due).toBeLessThan(2000);
    await runtime.close();
  });

  it('runs on a virtual clock without skipping ahead while the parent learns of its children', async () => {
    // Nothing but the execution's one-year limit is due: skipping to it would time the Map out.
    const clock = createVirtualClock({ start: 0 });
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      clock,
      handlers: { [fn('work')]: (item: unknown) => (item as number) * 10 },
    });
    const parent = await runtime.startExecution(distributedMap(), { input: { items: [1, 2] } });
    expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: [10, 20] });
    expect(clock.now()).toBe(0);
    await runtime.close();
  });

  it('runs EXPRESS children inside the parent, as before: nothing of them is stored', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({
      store,
      handlers: { [fn('work')]: (item: unknown) => item },
    });
    const parent = await runtime.startExecution(distributedMap({}, 'EXPRESS'), {
      input: { items: [1, 2] },
    });
    expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: [1, 2] });
    expect(await store.listExecutions()).toHaveLength(1);
    await runtime.close();
  });
});

function withoutEnd<T extends { End?: boolean }>(state: T): Omit<T, 'End'> {
  const { End: _end, ...rest } = state;
  return rest;
}
