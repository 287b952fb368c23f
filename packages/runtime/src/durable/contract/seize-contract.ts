import assert from 'node:assert/strict';
import type { DurableStore } from '../durable-store';
import { batch, claimReadable, eventRow, executionRow, T0 } from './sample-rows';
import type { ContractTestApi } from './test-api';

/** Seizing: a stop takes the lease of a running execution from whoever holds it. */
export function describeSeizeContract(store: () => DurableStore, t: ContractTestApi): void {
  t.it('seizes a held lease: the holder can neither renew nor write, the new owner can', async () => {
    const row = executionRow('held', { owner: 'w1', leaseExpires: T0 + 60_000 });
    const arn = row.executionArn;
    await store().commit(batch({ executions: [row], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }));
    const seized = await store().seize(arn, 'stopper', 1000, T0 + 10);
    assert.deepEqual(
      [seized?.status, seized?.owner, seized?.leaseExpires],
      ['RUNNING', 'stopper', T0 + 1010],
    );
    assert.deepEqual(await store().renew('w1', [arn], 1000, T0 + 20), [arn]);
    const late = await store().commit(
      batch({ owner: 'w1', events: [eventRow(arn, 2, 'PassStateEntered', { name: 'P' })] }),
    );
    assert.deepEqual(late.fenced, [arn]);
    await store().commit(
      batch({ owner: 'stopper', events: [eventRow(arn, 2, 'ExecutionAborted', { cause: 'stopped' })] }),
    );
    assert.deepEqual(
      (await store().listEvents(arn)).map((e) => e.type),
      ['ExecutionStarted', 'ExecutionAborted'],
    );
    assert.equal((await store().getExecution(arn))?.status, 'ABORTED');
  });

  t.it(
    'seizes an unloaded execution: no claim takes it while the lease holds, and it wakes once released',
    async () => {
      const row = executionRow('asleep', { owner: 'w1', leaseExpires: T0 + 1000 });
      await store().commit(batch({ executions: [row] }));
      assert.equal(await store().unload('w1', row.executionArn, T0 + 5000, []), true);
      assert.equal((await store().seize(row.executionArn, 'stopper', 60_000, T0))?.owner, 'stopper');
      const due = { owner: 'w2', limit: 10, leaseMs: 1000, now: T0 + 5000 };
      assert.deepEqual(await claimReadable(store(), { ...due, wokenOnly: true }), []);
      assert.deepEqual(await claimReadable(store(), due), []);
      // A stop that fails after seizing hands the lease back: the execution still wakes when due.
      await store().release('stopper', [row.executionArn]);
      const woken = await claimReadable(store(), { ...due, wokenOnly: true });
      assert.deepEqual(
        woken.map((e) => [e.name, e.owner]),
        [['asleep', 'w2']],
      );
    },
  );

  t.it(
    'leaves out the events of an execution that has ended, reporting it as fenced, and writes the rest',
    async () => {
      const done = executionRow('ended');
      const other = executionRow('other');
      await store().commit(
        batch({
          executions: [done, other],
          events: [
            eventRow(done.executionArn, 1, 'ExecutionStarted', {}),
            eventRow(done.executionArn, 2, 'ExecutionSucceeded', { output: '1' }),
            eventRow(other.executionArn, 1, 'ExecutionStarted', {}),
          ],
        }),
      );
      const late = await store().commit(
        batch({
          events: [
            eventRow(done.executionArn, 3, 'ExecutionAborted', { cause: 'too late' }),
            eventRow(other.executionArn, 2, 'PassStateEntered', { name: 'P' }),
          ],
        }),
      );
      assert.deepEqual(late.fenced, [done.executionArn]);
      assert.deepEqual(
        (await store().listEvents(done.executionArn)).map((e) => e.type),
        ['ExecutionStarted', 'ExecutionSucceeded'],
      );
      assert.equal((await store().getExecution(done.executionArn))?.status, 'SUCCEEDED');
      assert.equal((await store().listEvents(other.executionArn)).length, 2);
    },
  );

  t.it('seizes nothing of an execution that has ended or does not exist', async () => {
    const done = executionRow('done', { status: 'SUCCEEDED' });
    await store().commit(batch({ executions: [done] }));
    assert.equal(await store().seize(done.executionArn, 'stopper', 1000, T0), undefined);
    assert.equal((await store().getExecution(done.executionArn))?.owner, undefined);
    assert.equal(await store().seize('arn:missing', 'stopper', 1000, T0), undefined);
  });
}
