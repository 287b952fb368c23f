import { describe, expect, it } from 'vitest';
import { StoreWriteError } from '../errors/runtime-errors';
import type { HistoryEvent } from '../history/history-event';
import { specRuntime } from '../testing/spec-runtime';
import type { ExecutionRecord, ExecutionStore } from './execution-store';
import { InMemoryExecutionStore } from './memory-store';

type Failing = 'appendEvent' | 'updateExecution' | 'appendEvent-throws' | undefined;

/** A store that answers later, as a database would, and fails where it is told to. */
class SlowStore implements ExecutionStore {
  private readonly inner = new InMemoryExecutionStore();
  constructor(private readonly failing: Failing) {}

  private later<T>(work: () => T, fails: boolean): Promise<T> {
    return new Promise((resolve, reject) =>
      setTimeout(() => (fails ? reject(new Error('disk full')) : resolve(work())), 1),
    );
  }
  createExecution(record: ExecutionRecord) {
    return this.later(() => this.inner.createExecution(record), false);
  }
  updateExecution(arn: string, patch: Partial<ExecutionRecord>) {
    return this.later(() => this.inner.updateExecution(arn, patch), this.failing === 'updateExecution');
  }
  getExecution(arn: string) {
    return this.later(() => this.inner.getExecution(arn), false);
  }
  appendEvent(arn: string, event: HistoryEvent) {
    if (this.failing === 'appendEvent-throws' && event.type === 'PassStateExited') throw new Error('closed');
    return this.later(
      () => this.inner.appendEvent(arn, event),
      this.failing === 'appendEvent' && event.type === 'PassStateEntered',
    );
  }
  listEvents(arn: string) {
    return this.later(() => this.inner.listEvents(arn), false);
  }
}

const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };

describe('writes to an execution store that answers with promises', () => {
  it('are all landed when the result is given', async () => {
    const store = new SlowStore(undefined);
    const { runtime } = specRuntime({ store });
    const execution = runtime.startExecution(pass, { input: { a: 1 } });
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: { a: 1 } });
    expect(await store.getExecution(execution.executionArn)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await store.listEvents(execution.executionArn)).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it.each(['appendEvent', 'updateExecution', 'appendEvent-throws'] as const)(
    'reject the result with StoreWriteError when %s fails, instead of ending the process',
    async (failing) => {
      const { runtime } = specRuntime({ store: new SlowStore(failing) });
      const execution = runtime.startExecution(pass);
      const error = await execution.result().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(StoreWriteError);
      expect(error).toMatchObject({ code: 'STORE_WRITE_FAILED', executionArn: execution.executionArn });
      expect((error as Error).message).toMatch(/disk full|closed/);
      // The execution itself ran to its end.
      expect(execution.status).toBe('SUCCEEDED');
    },
  );
});
