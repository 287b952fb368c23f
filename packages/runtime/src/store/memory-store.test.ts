import { describe, expect, it } from 'vitest';
import { ExecutionAlreadyExistsError } from '../errors/runtime-errors';
import { specRuntime } from '../testing/spec-runtime';
import { InMemoryExecutionStore } from './memory-store';

const record = (executionArn: string) => ({
  executionArn,
  name: executionArn,
  stateMachineArn: 'sm',
  input: {},
  startDate: new Date(0),
  status: 'RUNNING' as const,
});

const done = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };

describe('in-memory execution store', () => {
  it('forgets the oldest finished executions beyond maxFinishedExecutions', () => {
    const store = new InMemoryExecutionStore({ maxFinishedExecutions: 2 });
    for (const arn of ['a', 'b', 'c']) {
      store.createExecution(record(arn));
      store.updateExecution(arn, { status: 'SUCCEEDED' });
    }
    expect(store.executionArns()).toEqual(['b', 'c']);
    expect(store.getExecution('a')).toBeUndefined();
  });

  it('never forgets a running execution', () => {
    const store = new InMemoryExecutionStore({ maxFinishedExecutions: 0 });
    store.createExecution(record('running'));
    store.createExecution(record('finished'));
    store.updateExecution('finished', { status: 'FAILED' });
    expect(store.executionArns()).toEqual(['running']);
  });

  it('lists the events of an execution the runtime ran, read from its live history', async () => {
    const store = new InMemoryExecutionStore();
    const { runtime } = specRuntime({ store });
    const execution = runtime.startExecution(done, { name: 'one' });
    await execution.result();
    expect(store.listEvents(execution.executionArn).map((e) => e.type)).toEqual(
      execution.history().map((e) => e.type),
    );
    expect(store.getExecution(execution.executionArn)).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('refuses a second execution under an ARN the store still holds, and allows it once forgotten', async () => {
    const store = new InMemoryExecutionStore({ maxFinishedExecutions: 1 });
    const { runtime } = specRuntime({ store });
    await runtime.execute(done, { name: 'first' });
    expect(() => runtime.startExecution(done, { name: 'first' })).toThrow(ExecutionAlreadyExistsError);
    await runtime.execute(done, { name: 'second' });
    expect((await runtime.execute(done, { name: 'first' })).status).toBe('SUCCEEDED');
  });

  it('refuses a second execution under the ARN of one still running', () => {
    const { runtime } = specRuntime();
    runtime.startExecution(
      { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } },
      { name: 'x' },
    );
    expect(() => runtime.startExecution(done, { name: 'x' })).toThrow(ExecutionAlreadyExistsError);
  });
});
