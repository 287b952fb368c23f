import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';
import { InvalidArnError, InvalidStopReasonError } from './store-errors';

const work = 'arn:aws:lambda:us-east-1:123456789012:function:work';
const waiting = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: work, End: true } } };
const hang = () => new Promise<never>(() => {});

describe('arguments the durable runtime refuses before reaching its store', () => {
  it('refuses an execution ARN that is not a non-empty string, with InvalidArnError naming the argument', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const calls = [
      () => runtime.getExecutionHistory({} as unknown as string),
      () => runtime.describeExecution(42 as unknown as string),
      () => runtime.redriveExecution(undefined as unknown as string),
      () => runtime.stopExecution(''),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toBeInstanceOf(InvalidArnError);
      await expect(call()).rejects.toMatchObject({ code: 'INVALID_ARN', argument: 'executionArn' });
    }
    await runtime.close();
  });

  it('refuses a stop whose error or cause StopExecution would refuse, and stops nothing', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, handlers: { [work]: hang } });
    const started = await runtime.startExecution(waiting, { name: 'kept' });
    for (const reason of [
      { error: { code: 1 } as unknown as string },
      { cause: 42 as unknown as string },
      { error: 'E'.repeat(257) },
      { cause: 'c'.repeat(32_769) },
    ]) {
      await expect(runtime.stopExecution(started.executionArn, reason)).rejects.toBeInstanceOf(
        InvalidStopReasonError,
      );
    }
    expect((await store.getExecution(started.executionArn))?.status).toBe('RUNNING');
    await runtime.stopExecution(started.executionArn, { error: 'E'.repeat(256), cause: 'c'.repeat(32_768) });
    expect(await started.result()).toMatchObject({ status: 'ABORTED', error: 'E'.repeat(256) });
    await runtime.close();
  });

  it('refuses start options that name an ARN of the wrong kind, before anything is stored', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store });
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    for (const [option, value] of [
      ['stateMachineArn', 'nonsense'],
      ['stateMachineArn', 'arn:aws:states:us-east-1:123456789012:execution:M:e'],
      ['executionArn', 'nonsense'],
      ['executionArn', 'arn:aws:states:us-east-1:123456789012:stateMachine:M'],
    ] as const) {
      await expect(runtime.startExecution(pass, { [option]: value })).rejects.toMatchObject({
        code: 'INVALID_ARN',
        argument: option,
      });
    }
    expect(await store.listExecutions()).toEqual([]);
    const named = await runtime.startExecution(pass, {
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders',
      name: 'o-1',
    });
    expect(named.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:Orders:o-1');
    await runtime.close();
  });
});
