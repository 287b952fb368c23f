import { describe, expect, it } from 'vitest';
import type { TaskContext } from '../tasks/task-handler';
import { approval, tokenBox } from './contract/callback-workflow';
import { createDurableRuntime } from './durable-runtime';
import type { CommitBatch, CommitResult } from './durable-store';
import { distributedMap, fn } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

/**
 * A store whose process dies right after the commit that carries `parentArn`'s end: every
 * later commit of that runtime is lost, as with a kill -9 right after that commit landed.
 */
class CrashAfterParentEnd extends InMemoryDurableStore {
  dead = false;
  parentArn = '';
  override async commit(batch: CommitBatch): Promise<CommitResult> {
    if (this.dead) return { fenced: [] };
    const result = await super.commit(batch);
    if (
      batch.events.some(
        (e) => e.executionArn === this.parentArn && /^Execution(Failed|TimedOut|Aborted)$/.test(e.type),
      )
    )
      this.dead = true;
    return result;
  }
}

describe('children a parent no longer needs, across a crash right after the parent ends', () => {
  for (const [label, extra, top] of [
    ['task TimeoutSeconds', { TimeoutSeconds: 1 }, {}],
    ['execution TimeoutSeconds', {}, { TimeoutSeconds: 1 }],
  ] as const) {
    it(`stops the .sync child of a parent ended by its ${label} in the commit of that end`, async () => {
      const store = new CrashAfterParentEnd();
      const box = tokenBox();
      const first = createDurableRuntime({ store, handlers: box.handlers });
      const child = await first.createStateMachine('Approve', approval);
      const definition = {
        ...top,
        StartAt: 'Run',
        States: {
          Run: {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution.sync:2',
            Parameters: { StateMachineArn: child.stateMachineArn, Input: {} },
            ...extra,
            End: true,
          },
        },
      };
      const parent = await first.startExecution(definition, { name: 'p' });
      store.parentArn = parent.executionArn;
      await until(() => store.dead, 3000);
      await first.close();
      store.dead = false;
      const childRow = async () =>
        (await store.listExecutions()).find((e) => e.stateMachineArn === child.stateMachineArn);
      const parentStatus = (await store.getExecution(parent.executionArn))?.status;
      const second = createDurableRuntime({ store, handlers: box.handlers });
      await second.recover();
      await until(async () => (await childRow())?.status !== 'RUNNING', 1000);
      expect({ parentStatus, child: (await childRow())?.status }).toEqual({
        parentStatus: label.startsWith('task') ? 'FAILED' : 'TIMED_OUT',
        child: 'ABORTED',
      });
      await second.close();
    });
  }

  it('stops the Map Run child of a parent ended by its TimeoutSeconds in the commit of that end', async () => {
    const store = new CrashAfterParentEnd();
    const hang = (_item: unknown, context: TaskContext) =>
      new Promise((resolve) => context.signal.addEventListener('abort', () => resolve('stopped')));
    const first = createDurableRuntime({ store, handlers: { [fn('work')]: hang } });
    const definition = { ...distributedMap(), TimeoutSeconds: 1 };
    store.parentArn = 'arn:aws:states:us-east-1:123456789012:execution:StateMachine:p';
    const parent = await first.startExecution(definition, { name: 'p', input: { items: [1] } });
    await until(() => store.dead, 3000);
    await first.close();
    store.dead = false;
    const parentStatus = (await store.getExecution(parent.executionArn))?.status;
    const second = createDurableRuntime({ store, handlers: { [fn('work')]: hang } });
    await second.recover();
    const kids = async () =>
      (await store.listExecutions())
        .filter((e) => e.executionArn !== parent.executionArn)
        .map((e) => e.status);
    await until(async () => !(await kids()).includes('RUNNING'), 1000);
    expect({ parentStatus, kids: await kids() }).toEqual({ parentStatus: 'TIMED_OUT', kids: ['ABORTED'] });
    await second.close();
  });
});
