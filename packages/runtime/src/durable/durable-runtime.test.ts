import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { RuntimeClosedError } from '../errors/runtime-errors';
import type { HistoryEvent } from '../history/history-event';
import type { TaskContext } from '../tasks/task-handler';
import { createDurableRuntime } from './durable-runtime';
import type { StoredEvent } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** A handler that never answers: the task is in flight when its runtime goes away. */
const hang = () => new Promise<never>(() => {});

function checkHistory(events: readonly HistoryEvent[]): void {
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  const terminal = events.filter((e) => /^Execution(Succeeded|Failed|TimedOut|Aborted)$/.test(e.type));
  expect(terminal).toHaveLength(1);
  expect(events.at(-1)?.type).toBe(terminal[0]?.type);
}

describe('durable runtime: resume after the process is gone', () => {
  it('replays completed tasks and runs the one in flight again with the same idempotency key', async () => {
    const store = new InMemoryDurableStore();
    const calls: string[] = [];
    const keys: string[] = [];
    const definition = {
      StartAt: 'Charge',
      States: {
        Charge: { Type: 'Task', Resource: fn('charge'), Next: 'Ship' },
        Ship: { Type: 'Task', Resource: fn('ship'), End: true },
      },
    };
    const charge = (input: unknown) => {
      calls.push('charge');
      return { charged: (input as { amount: number }).amount };
    };
    const first = createDurableRuntime({
      store,
      handlers: {
        [fn('charge')]: charge,
        [fn('ship')]: (_input: unknown, context: TaskContext) => {
          keys.push(context.idempotencyKey);
          return hang();
        },
      },
    });
    const started = await first.startExecution(definition, { name: 'order-1', input: { amount: 5 } });
    await until(() => keys.length === 1);
    await first.close();

    const second = createDurableRuntime({
      store,
      handlers: {
        [fn('charge')]: charge,
        [fn('ship')]: (input: unknown, context: TaskContext) => {
          keys.push(context.idempotencyKey);
          return { shipped: input };
        },
      },
    });
    const resumed = await second.recover();
    expect(resumed.map((r) => r.executionArn)).toEqual([started.executionArn]);
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { shipped: { charged: 5 } } });
    expect(calls).toEqual(['charge']);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toContain('|Ship|0');
    const history = await started.history();
    checkHistory(history);
    expect(history.filter((e) => e.type === 'LambdaFunctionScheduled')).toHaveLength(2);
  });

  it('resumes from the history a claim hands over, without reading it again', async () => {
    /** The in-memory store, which hands histories over with its claims, counting reads of them. */
    class Counting extends InMemoryDurableStore {
      reads = 0;
      override listEvents(executionArn: string): Promise<StoredEvent[]> {
        this.reads++;
        return super.listEvents(executionArn);
      }
    }
    const store = new Counting();
    const definition = {
      StartAt: 'Charge',
      States: {
        Charge: { Type: 'Task', Resource: fn('charge'), Next: 'Ship' },
        Ship: { Type: 'Task', Resource: fn('ship'), End: true },
      },
    };
    let shipping = false;
    const first = createDurableRuntime({
      store,
      handlers: {
        [fn('charge')]: () => ({ charged: true }),
        [fn('ship')]: () => {
          shipping = true;
          return hang();
        },
      },
    });
    const started = await first.startExecution(definition, { name: 'order-1' });
    await until(() => shipping);
    await first.close();

    const second = createDurableRuntime({
      store,
      handlers: { [fn('charge')]: () => ({ charged: 'again' }), [fn('ship')]: (input: unknown) => input },
    });
    store.reads = 0;
    await second.recover();
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { charged: true } });
    expect(store.reads).toBe(0);
    checkHistory(await started.history());
  });

  it('resumes Parallel branches and Map iterations without recording any event twice', async () => {
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Slow', States: { Slow: { Type: 'Task', Resource: fn('slow'), End: true } } },
            {
              StartAt: 'Each',
              States: {
                Each: {
                  Type: 'Map',
                  ItemsPath: '$.items',
                  MaxConcurrency: 2,
                  ItemProcessor: {
                    StartAt: 'Double',
                    States: { Double: { Type: 'Task', Resource: fn('double'), End: true } },
                  },
                  End: true,
                },
              },
            },
          ],
          End: true,
        },
      },
    };
    const input = { items: [1, 2, 3, 4, 5] };
    const doubled: number[] = [];
    const double = async (n: unknown) => {
      doubled.push(n as number);
      await new Promise((r) => setTimeout(r, 6 - (n as number)));
      return (n as number) * 2;
    };
    const reference = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: { [fn('slow')]: () => 'slow', [fn('double')]: double },
    });
    const expected = await (await reference.startExecution(definition, { input })).result();
    doubled.length = 0;

    const store = new InMemoryDurableStore();
    const first = createDurableRuntime({ store, handlers: { [fn('slow')]: hang, [fn('double')]: double } });
    const started = await first.startExecution(definition, { name: 'fan-out', input });
    await until(() => doubled.length === 5);
    await new Promise((r) => setTimeout(r, 30));
    await first.close();
    const before = await store.listEvents(started.executionArn);

    const second = createDurableRuntime({
      store,
      handlers: { [fn('slow')]: () => 'slow', [fn('double')]: double },
    });
    await second.recover();
    expect(await started.result()).toEqual(expected);
    expect(doubled).toHaveLength(5);
    const history = await started.history();
    checkHistory(history);
    expect(history.slice(0, before.length).map((e) => e.type)).toEqual(before.map((e) => e.type));
    expect(history.filter((e) => e.type === 'MapIterationSucceeded')).toHaveLength(5);
  });

  it('fires a pending Wait at its original time', async () => {
    const store = new InMemoryDurableStore();
    // Time moves only when the test says, so the restart happens mid-Wait on any machine.
    const clock = createVirtualClock({ autoAdvance: false });
    const definition = { StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 1, End: true } } };
    const first = createDurableRuntime({ store, clock });
    const started = await first.startExecution(definition, { name: 'nap' });
    const timers = async () => store.listTimers(started.executionArn);
    await until(async () => (await timers()).length > 0);
    // The Wait's timer is stored, due a second after the start.
    const startTime = (await store.getExecution(started.executionArn))?.startTime ?? 0;
    expect((await timers()).map((t) => t.due - startTime)).toContain(1000);
    clock.advance(300);
    await first.close();
    await createDurableRuntime({ store, clock }).recover();
    clock.advance(699);
    await new Promise((r) => setTimeout(r, 20));
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    clock.advance(1);
    expect((await started.result()).status).toBe('SUCCEEDED');
    const history = await started.history();
    const entered = history.find((e) => e.type === 'WaitStateEntered')?.timestamp.getTime() ?? 0;
    const exited = history.find((e) => e.type === 'WaitStateExited')?.timestamp.getTime() ?? 0;
    expect(exited - entered).toBe(1000);
    expect(await timers()).toEqual([]);
  });

  it("reports the runtime's role as $$.Execution.RoleArn, before a restart and after it", async () => {
    const store = new InMemoryDurableStore();
    const roleArn = 'arn:aws:iam::123456789012:role/orders';
    const definition = {
      StartAt: 'Before',
      States: {
        Before: {
          Type: 'Pass',
          Parameters: { 'role.$': '$$.Execution.RoleArn' },
          ResultPath: '$.before',
          Next: 'Park',
        },
        Park: { Type: 'Task', Resource: fn('park'), ResultPath: null, Next: 'After' },
        After: {
          Type: 'Pass',
          Parameters: { 'role.$': '$$.Execution.RoleArn' },
          ResultPath: '$.after',
          End: true,
        },
      },
    };
    const first = createDurableRuntime({ store, roleArn, handlers: { [fn('park')]: hang } });
    const started = await first.startExecution(definition);
    await until(async () => (await started.history()).some((e) => e.type === 'LambdaFunctionStarted'));
    await first.close();
    await createDurableRuntime({ store, roleArn, handlers: { [fn('park')]: () => ({}) } }).recover();
    expect(await started.result()).toEqual({
      status: 'SUCCEEDED',
      output: { before: { role: roleArn }, after: { role: roleArn } },
    });
    const plain = createDurableRuntime({ store: new InMemoryDurableStore() });
    const defaulted = await plain.startExecution({
      StartAt: 'P',
      States: { P: { Type: 'Pass', Parameters: { 'role.$': '$$.Execution.RoleArn' }, End: true } },
    });
    expect(await defaulted.result()).toEqual({
      status: 'SUCCEEDED',
      output: { role: 'arn:aws:iam::123456789012:role/StepFunctionsRole' },
    });
  });
});

describe('durable runtime: redrive', () => {
  it('reruns the failed step only, counts the redrive and records ExecutionRedriven', async () => {
    const store = new InMemoryDurableStore();
    let prepared = 0;
    let broken = true;
    const keys: string[] = [];
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('prepare')]: () => ++prepared,
        [fn('flaky')]: (_input: unknown, context: TaskContext) => {
          keys.push(context.idempotencyKey);
          if (broken) throw new Error('down');
          return 'up';
        },
      },
    });
    const definition = {
      StartAt: 'Prepare',
      States: {
        Prepare: { Type: 'Task', Resource: fn('prepare'), ResultPath: '$.prepared', Next: 'Flaky' },
        Flaky: {
          Type: 'Task',
          Resource: fn('flaky'),
          Parameters: { 'redrives.$': '$$.Execution.RedriveCount' },
          ResultPath: '$.flaky',
          End: true,
        },
      },
    };
    const started = await runtime.startExecution(definition, { name: 'redrive-me' });
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'Error', cause: 'down' });
    broken = false;
    const redriven = await runtime.redriveExecution(started.executionArn);
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: { prepared: 1, flaky: 'up' } });
    expect(prepared).toBe(1);
    // The redriven call is a new attempt of the failed one, so a handler does not take it for a repeat.
    expect(keys).toEqual([expect.stringMatching(/\|Flaky\|0$/), `${keys[0]}|1`]);
    expect((await runtime.describeExecution(started.executionArn))?.redriveCount).toBe(1);
    const history = await redriven.history();
    expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
    expect(history.map((e) => e.type)).toContain('ExecutionRedriven');
    expect(history.at(-1)?.type).toBe('ExecutionSucceeded');
    const rescheduled = history.filter((e) => e.type === 'LambdaFunctionScheduled').at(-1);
    expect(JSON.stringify(rescheduled)).toContain('redrives');
    await expect(runtime.redriveExecution(started.executionArn)).rejects.toMatchObject({
      code: 'EXECUTION_NOT_REDRIVABLE',
    });
  });
});

describe('durable runtime: versions and aliases', () => {
  it('pins each execution to the version it started on and routes an alias by weight', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const pass = (result: string) => ({
      StartAt: 'P',
      States: { P: { Type: 'Pass', Result: result, End: true } },
    });
    const machine = await runtime.createStateMachine('Greeter', pass('v1'));
    const v1 = await runtime.publishStateMachineVersion(machine.stateMachineArn, 'first');
    await runtime.updateStateMachine(machine.stateMachineArn, pass('v2'));
    const v2 = await runtime.publishStateMachineVersion(machine.stateMachineArn);
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const byVersion = await runtime.startExecution(v1.versionArn);
    expect(await byVersion.result()).toEqual({ status: 'SUCCEEDED', output: 'v1' });
    expect((await runtime.describeExecution(byVersion.executionArn))?.versionArn).toBe(v1.versionArn);
    const latest = await runtime.startExecution(machine.stateMachineArn);
    expect(await latest.result()).toEqual({ status: 'SUCCEEDED', output: 'v2' });

    const alias = await runtime.putStateMachineAlias(machine.stateMachineArn, 'live', [
      { versionArn: v1.versionArn, weight: 50 },
      { versionArn: v2.versionArn, weight: 50 },
    ]);
    const outputs = new Set<unknown>();
    for (let i = 0; i < 40; i++) {
      const run = await runtime.startExecution(alias.aliasArn);
      const result = await run.result();
      if (result.status === 'SUCCEEDED') outputs.add(result.output);
    }
    expect([...outputs].sort()).toEqual(['v1', 'v2']);
    await expect(
      runtime.putStateMachineAlias(machine.stateMachineArn, 'bad', [
        { versionArn: v1.versionArn, weight: 60 },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_ALIAS_ROUTING' });
  });
});

describe('durable runtime: closing', () => {
  it('starts nothing once closed, with a typed error', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    await runtime.close();
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    await expect(runtime.startExecution(definition)).rejects.toSatisfy(
      (error: unknown) => error instanceof RuntimeClosedError && error.code === 'RUNTIME_CLOSED',
    );
  });

  it('answers a recovery it closed under with RuntimeClosedError, however many it was resuming', async () => {
    const store = new InMemoryDurableStore();
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:slow';
    const before = createDurableRuntime({ store, handlers: { [fn]: () => new Promise(() => {}) } });
    const task = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn, End: true } } };
    await Promise.all([before.startExecution(task), before.startExecution(task)]);
    await before.close();
    const after = createDurableRuntime({ store, handlers: { [fn]: () => new Promise(() => {}) } });
    const recovery = after.recover();
    await after.close();
    await expect(recovery).rejects.toBeInstanceOf(RuntimeClosedError);
  });
});
