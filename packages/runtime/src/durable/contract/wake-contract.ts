import assert from 'node:assert/strict';
import type { AppliedTaskSignals } from '../applied-signals';
import type { DurableStore } from '../durable-store';
import type { OpenedTaskToken } from '../stored-tasks';
import { batch, claimReadable, executionRow, T0 } from './sample-rows';
import type { ContractTestApi } from './test-api';

const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:wake';

/** Unloaded executions: out of memory until their wake time, or until a task signal wakes them. */
export function describeWakeContract(store: () => DurableStore, t: ContractTestApi): void {
  /** A claim of the due unloaded executions (only those `among`, when given) by `owner` at `now`. */
  const woken = (owner: string, now: number, among?: string[]) =>
    claimReadable(store(), {
      owner,
      limit: 10,
      leaseMs: 1000,
      now,
      wokenOnly: true,
      ...(among && { among }),
    });

  t.it('keeps an unloaded execution from every claim until it is due', async () => {
    const row = executionRow('sleeper', { owner: 'w1', leaseExpires: T0 + 1000 });
    const busy = executionRow('busy');
    await store().commit(batch({ executions: [row, busy] }));
    assert.equal(await store().unload('w2', row.executionArn, T0 + 5000, []), false);
    assert.equal(await store().unload('w1', row.executionArn, T0 + 5000, []), true);
    assert.equal(await store().nextWake(), T0 + 5000);
    const early = await claimReadable(store(), {
      owner: 'w3',
      limit: 10,
      leaseMs: 1000,
      now: T0 + 4999,
      takeOver: true,
    });
    assert.deepEqual(
      early.map((e) => e.name),
      ['busy'],
    );
    assert.deepEqual(await woken('w3', T0 + 4999), []);
    const due = await woken('w4', T0 + 5000);
    assert.deepEqual(
      due.map((e) => [e.name, e.owner]),
      [['sleeper', 'w4']],
    );
    assert.equal(await store().nextWake(), undefined);
  });

  t.it('wakes only the due executions among those named, when a claim names some', async () => {
    const rows = ['child', 'stranger', 'sleepy'].map((name) =>
      executionRow(name, { owner: 'w1', leaseExpires: T0 + 1000 }),
    );
    await store().commit(batch({ executions: [...rows, executionRow('running')] }));
    const [child, stranger, sleepy] = rows.map((row) => row.executionArn) as [string, string, string];
    await store().unload('w1', child, T0 + 100, []);
    await store().unload('w1', stranger, T0 + 100, []);
    await store().unload('w1', sleepy, T0 + 9000, []);
    const among = (arns: string[]) => woken('w2', T0 + 200, arns);
    assert.deepEqual(await among([]), []);
    assert.deepEqual(
      (await among([child, sleepy, `${child}-gone`])).map((e) => [e.name, e.owner]),
      [['child', 'w2']],
    );
    // The others stay unloaded, for any claim that does not name them.
    assert.deepEqual(
      (await woken('w3', T0 + 200)).map((e) => e.name),
      ['stranger'],
    );
  });

  t.it('wakes an unloaded execution when its task is answered or its activity task is taken', async () => {
    const answered = executionRow('answered', { owner: 'w1', leaseExpires: T0 + 1000 });
    const worked = executionRow('worked', { owner: 'w1', leaseExpires: T0 + 1000 });
    await store().commit(
      batch({
        executions: [answered, worked],
        tokensOpened: [opened(answered.executionArn, 'w.1'), opened(worked.executionArn, 'w.2', ACTIVITY)],
      }),
    );
    const year = T0 + 365 * 24 * 3600 * 1000;
    await store().unload('w1', answered.executionArn, year, []);
    await store().unload('w1', worked.executionArn, year, []);
    const claimNow = () => woken('w2', T0 + 10);
    assert.deepEqual(await claimNow(), []);
    await store().answerTask('w.1', answered.executionArn, { kind: 'SUCCESS', output: '1' });
    await store().takeActivityTask(ACTIVITY, 'worker');
    assert.deepEqual((await claimNow()).map((e) => e.name).sort(), ['answered', 'worked']);
  });

  t.it('wakes an unloaded execution when a heartbeat reaches its task', async () => {
    const beating = executionRow('beating', { owner: 'w1', leaseExpires: T0 + 1000 });
    await store().commit(
      batch({ executions: [beating], tokensOpened: [opened(beating.executionArn, 'b.1', ACTIVITY)] }),
    );
    assert.equal((await store().takeActivityTask(ACTIVITY, 'worker'))?.token, 'b.1');
    const year = T0 + 365 * 24 * 3600 * 1000;
    assert.equal(await store().unload('w1', beating.executionArn, year, [applied('b.1', true, 0)]), true);
    const claimNow = () => woken('w2', T0 + 10);
    assert.deepEqual(await claimNow(), []);
    assert.equal(await store().heartbeatTask('b.1', beating.executionArn, T0 + 5), 'ACCEPTED');
    assert.deepEqual(
      (await claimNow()).map((e) => e.name),
      ['beating'],
    );
  });

  t.it('counts the heartbeats an unload was given as applied: the wake sees only later ones', async () => {
    const beaten = executionRow('beaten-once', { owner: 'w1', leaseExpires: T0 + 1000 });
    await store().commit(batch({ executions: [beaten], tokensOpened: [opened(beaten.executionArn, 'o.1')] }));
    await store().heartbeatTask('o.1', beaten.executionArn, T0 + 5);
    await store().heartbeatTask('o.1', beaten.executionArn, T0 + 5);
    const year = T0 + 365 * 24 * 3600 * 1000;
    assert.equal(await store().unload('w1', beaten.executionArn, year, [applied('o.1', false, 2)]), true);
    assert.deepEqual(await store().taskSignals([beaten.executionArn]), []);
    assert.equal(await store().heartbeatTask('o.1', beaten.executionArn, T0 + 5), 'ACCEPTED');
    assert.deepEqual(
      (await store().taskSignals([beaten.executionArn])).map((row) => [row.token, row.heartbeats]),
      [['o.1', 1]],
    );
  });

  t.it(
    'keeps an execution whose task holds a signal it was not given, and lets go of one given all',
    async () => {
      const picked = executionRow('picked', { owner: 'w1', leaseExpires: T0 + 1000 });
      const beaten = executionRow('beaten', { owner: 'w1', leaseExpires: T0 + 1000 });
      await store().commit(
        batch({
          executions: [picked, beaten],
          tokensOpened: [opened(picked.executionArn, 'p.1', ACTIVITY), opened(beaten.executionArn, 'h.1')],
        }),
      );
      const year = T0 + 365 * 24 * 3600 * 1000;
      // A worker took the task, and a heartbeat came twice, after the runtime last looked.
      assert.equal((await store().takeActivityTask(ACTIVITY, 'worker'))?.token, 'p.1');
      await store().heartbeatTask('h.1', beaten.executionArn, T0 + 5);
      await store().heartbeatTask('h.1', beaten.executionArn, T0 + 5);
      assert.equal(await store().unload('w1', picked.executionArn, year, []), false);
      assert.equal(await store().unload('w1', beaten.executionArn, year, [applied('h.1', false, 1)]), false);
      assert.equal((await store().getExecution(picked.executionArn))?.owner, 'w1');
      assert.equal((await store().getExecution(beaten.executionArn))?.owner, 'w1');
      assert.equal(await store().nextWake(), undefined);
      // Once the runtime has applied them, both may leave.
      assert.equal(await store().unload('w1', picked.executionArn, year, [applied('p.1', true, 0)]), true);
      assert.equal(await store().unload('w1', beaten.executionArn, year, [applied('h.1', false, 2)]), true);
      assert.equal(await store().nextWake(), year);
    },
  );
}

function opened(executionArn: string, token: string, activityArn?: string): OpenedTaskToken {
  return { token, executionArn, activityArn, input: activityArn ? '{}' : undefined, scheduledAt: T0 };
}

function applied(token: string, taken: boolean, heartbeats: number): AppliedTaskSignals {
  return { token, taken, heartbeats };
}
