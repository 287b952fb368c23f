import { describe, expect, it } from 'vitest';
import { ExecutionAlreadyExistsError } from '../errors/runtime-errors';
import { batch, eventRow, executionRow } from './contract/sample-rows';
import { createDurableRuntime } from './durable-runtime';
import type { DurableStore } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';

const fn = 'arn:aws:lambda:us-east-1:123456789012:function:work';

describe('two runtimes starting the same name at once', () => {
  it('the later commit refuses its start with ExecutionAlreadyExistsError and keeps its other work', async () => {
    const store = new InMemoryDurableStore();
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:StateMachine:order-7';
    // The winner's start is committed between the loser's name check and the loser's commit:
    // the loser's check is made to miss it.
    const racing: DurableStore = Object.create(store);
    racing.getExecution = async (asked) => (asked === arn ? undefined : store.getExecution(asked));
    let calls = 0;
    const runtime = createDurableRuntime({
      store: racing,
      handlers: {
        [fn]: (input) => {
          calls++;
          return input;
        },
      },
    });
    const winner = executionRow('order-7', { executionArn: arn, name: 'order-7', input: '{"winner":true}' });
    await store.commit(batch({ executions: [winner], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }));

    const task = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn, End: true } } };
    const [lost, other] = await Promise.allSettled([
      runtime.startExecution(task, { name: 'order-7', input: { loser: true } }),
      runtime.startExecution(task, { name: 'beside', input: { other: true } }),
    ]);
    expect(lost.status).toBe('rejected');
    expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(ExecutionAlreadyExistsError);
    expect(other.status).toBe('fulfilled');
    const result = await (other as PromiseFulfilledResult<{ result(): Promise<unknown> }>).value.result();
    expect(result).toEqual({ status: 'SUCCEEDED', output: { other: true } });
    // The winner's row and history are as it wrote them.
    expect((await store.getExecution(arn))?.input).toBe('{"winner":true}');
    expect((await store.listEvents(arn)).map((e) => e.type)).toEqual(['ExecutionStarted']);
    expect(calls).toBeLessThanOrEqual(2);
    await runtime.close();
  });
});

describe('starting a name that is taken, as AWS answers it', () => {
  it('gives the running execution for the same input, and refuses another input or an ended one', async () => {
    let release: (value: unknown) => void = () => {};
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: { [fn]: () => new Promise((resolve) => (release = resolve)) },
    });
    const task = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn, End: true } } };
    const first = await runtime.startExecution(task, { name: 'order-8', input: { order: 8 } });
    const again = await runtime.startExecution(task, { name: 'order-8', input: { order: 8 } });
    expect(again.executionArn).toBe(first.executionArn);
    await expect(
      runtime.startExecution(task, { name: 'order-8', input: { order: 9 } }),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExistsError);
    release('done');
    expect(await again.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
    await expect(
      runtime.startExecution(task, { name: 'order-8', input: { order: 8 } }),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExistsError);
    await runtime.close();
  });
});

describe('one runtime asked to start the same name twice at once', () => {
  const task = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn, End: true } } };

  it('answers both with one execution for the same input, whose history is stored whole', async () => {
    const store = new InMemoryDurableStore();
    let calls = 0;
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn]: (input) => {
          calls++;
          return input;
        },
      },
    });
    const [first, second] = await Promise.all([
      runtime.startExecution(task, { name: 'order-1', input: { a: 1 } }),
      runtime.startExecution(task, { name: 'order-1', input: { a: 1 } }),
    ]);
    expect(second.executionArn).toBe(first.executionArn);
    expect(await first.result()).toEqual({ status: 'SUCCEEDED', output: { a: 1 } });
    expect(await second.result()).toEqual({ status: 'SUCCEEDED', output: { a: 1 } });
    expect(calls).toBe(1);
    const types = (await store.listEvents(first.executionArn)).map((event) => event.type);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    await runtime.close();
  });

  it('refuses the one with another input, and runs the other', async () => {
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: { [fn]: (input) => input },
    });
    const [first, second] = await Promise.allSettled([
      runtime.startExecution(task, { name: 'order-2', input: { a: 1 } }),
      runtime.startExecution(task, { name: 'order-2', input: { a: 2 } }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(ExecutionAlreadyExistsError);
    await runtime.close();
  });
});
