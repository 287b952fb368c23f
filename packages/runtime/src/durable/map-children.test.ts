import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import type { TaskContext } from '../tasks/task-handler';
import { createDurableRuntime } from './durable-runtime';
import { childIdentity, MAP_RUN_STOPPED } from './map-children';
import { distributedMap, fn } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';

const never = () => new Promise<never>(() => {});

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
}

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
