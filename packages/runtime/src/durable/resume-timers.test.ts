import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const T0 = Date.parse('2024-01-01T00:00:00Z');
/** A handler whose call is still in flight when the process goes down. */
const hang = () => new Promise<never>(() => {});

describe('deadlines across a restart', () => {
  it('time out a task whose TimeoutSeconds ran out while the process was down, without calling it again', async () => {
    const store = new InMemoryDurableStore();
    const clock = createVirtualClock({ start: T0, autoAdvance: false });
    const charge = {
      StartAt: 'Charge',
      States: { Charge: { Type: 'Task', Resource: fn('charge'), TimeoutSeconds: 10, End: true } },
    };
    const first = createDurableRuntime({ store, clock, handlers: { [fn('charge')]: hang } });
    const started = await first.startExecution(charge, { name: 'charge' });
    await until(async () => (await started.history()).some((e) => e.type === 'LambdaFunctionStarted'));
    clock.advance(5_000);
    await first.close();
    // Down past the task's deadline (10 s): back at 200 s.
    clock.advance(195_000);
    let calls = 0;
    const quick = () => {
      calls++;
      return { charged: true };
    };
    const second = createDurableRuntime({ store, clock, handlers: { [fn('charge')]: quick } });
    await second.recover();
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(calls).toBe(0);
    await second.close();
  });
});

describe("the execution's own TimeoutSeconds across a restart", () => {
  it('times the execution out when it resumes after its deadline, calling no handler again', async () => {
    const store = new InMemoryDurableStore();
    const clock = createVirtualClock({ start: T0, autoAdvance: false });
    const twoSteps = {
      TimeoutSeconds: 60,
      StartAt: 'First',
      States: {
        First: { Type: 'Task', Resource: fn('first'), Next: 'Second' },
        Second: { Type: 'Task', Resource: fn('second'), End: true },
      },
    };
    const first = createDurableRuntime({
      store,
      clock,
      handlers: { [fn('first')]: hang, [fn('second')]: hang },
    });
    const started = await first.startExecution(twoSteps, { name: 'deadline' });
    await until(async () => (await started.history()).some((e) => e.type === 'LambdaFunctionStarted'));
    clock.advance(5_000);
    await first.close();
    // Down past the execution's deadline (60 s): back at 200 s.
    clock.advance(195_000);
    const calls: string[] = [];
    const note = (name: string) => () => {
      calls.push(name);
      return {};
    };
    const handlers = { [fn('first')]: note('first'), [fn('second')]: note('second') };
    const second = createDurableRuntime({ store, clock, handlers });
    await second.recover();
    expect(await started.result()).toMatchObject({ status: 'TIMED_OUT' });
    expect(calls).toEqual([]);
    const history = await started.history();
    expect(history.slice(-2).map((e) => e.type)).toEqual(['LambdaFunctionStarted', 'ExecutionTimedOut']);
    await second.close();
  });
});

describe('retry back-offs across a restart', () => {
  it('keep the due times of FULL-jitter back-offs drawn in two branches at different times', async () => {
    const store = new InMemoryDurableStore();
    const clock = createVirtualClock({ start: T0, autoAdvance: false });
    const retry = [
      { ErrorEquals: ['States.ALL'], IntervalSeconds: 1000, MaxAttempts: 1, JitterStrategy: 'FULL' },
    ];
    const flaky = { Type: 'Task', Resource: fn('flaky'), Retry: retry, End: true };
    const waitThenFail = (seconds: number) => ({
      StartAt: `Nap${seconds}`,
      States: {
        [`Nap${seconds}`]: { Type: 'Wait', Seconds: seconds, Next: `Try${seconds}` },
        [`Try${seconds}`]: flaky,
      },
    });
    // The second branch fails (and draws) first; a replay reaches the first branch's first.
    const definition = {
      StartAt: 'Both',
      States: { Both: { Type: 'Parallel', End: true, Branches: [waitThenFail(10), waitThenFail(5)] } },
    };
    const fails = () => Promise.reject(new Error('first attempt fails'));
    const first = createDurableRuntime({ store, clock, handlers: { [fn('flaky')]: fails } });
    const started = await first.startExecution(definition, { name: 'jitter' });
    const dues = async () => (await store.listTimers(started.executionArn)).map((t) => t.due).sort();
    const failed = async () =>
      (await started.history()).filter((e) => e.type === 'LambdaFunctionFailed').length;
    await until(async () => (await dues()).length === 2);
    clock.advance(5_000);
    await until(async () => (await failed()) === 1);
    clock.advance(5_000);
    await until(async () => (await failed()) === 2);
    await until(async () => (await dues()).every((due) => due > T0 + 10_000));
    const before = await dues();
    expect(before).toHaveLength(2);
    await first.close();
    const second = createDurableRuntime({ store, clock, handlers: { [fn('flaky')]: fails } });
    await second.recover();
    await until(async () => (await dues()).length === 2);
    expect(await dues()).toEqual(before);
    await second.close();
  });
});

describe('Waits across a restart', () => {
  it("keep each Map iteration's own due time, with JSONata Seconds, though the iterations entered them at different times", async () => {
    const store = new InMemoryDurableStore();
    const clock = createVirtualClock({ start: T0, autoAdvance: false });
    let release: () => void = () => {};
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Items: [0, 1],
          End: true,
          ItemProcessor: {
            StartAt: 'Work',
            States: {
              Work: { Type: 'Task', Resource: fn('work'), Output: '{% $states.input %}', Next: 'Nap' },
              Nap: { Type: 'Wait', Seconds: '{% 100 %}', End: true },
            },
          },
        },
      },
    };
    // Item 0 answers at once; item 1 once released, 50 s later.
    const work = (input: unknown) =>
      input === 0 ? 0 : new Promise((resolve) => (release = () => resolve(1)));
    const first = createDurableRuntime({ store, clock, handlers: { [fn('work')]: work } });
    const started = await first.startExecution(definition, { name: 'naps' });
    const entered = async () => (await started.history()).filter((e) => e.type === 'WaitStateEntered').length;
    await until(async () => (await entered()) === 1);
    clock.advance(50_000);
    release();
    await until(async () => (await entered()) === 2);
    const dues = async () =>
      (await store.listTimers(started.executionArn)).map((t) => (t.due - T0) / 1000).sort();
    await until(async () => (await dues()).length === 2);
    expect(await dues()).toEqual([100, 150]);
    await first.close();
    const second = createDurableRuntime({ store, clock, handlers: { [fn('work')]: work } });
    await second.recover();
    await until(async () => (await dues()).length === 2);
    expect(await dues()).toEqual([100, 150]);
    await second.close();
  });
});
