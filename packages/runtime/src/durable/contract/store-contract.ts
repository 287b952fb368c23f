import assert from 'node:assert/strict';
import type { DurableStore } from '../durable-store';
import { DuplicateTransitionError, DurableResourceNotFoundError, HistoryGapError } from '../store-errors';
import { batch, claimReadable, eventRow, executionRow, T0 } from './sample-rows';
import { describeSeizeContract } from './seize-contract';
import { describeTaskContract } from './task-contract';
import type { ContractTestApi, StoreFixture } from './test-api';
import { describeWakeContract } from './wake-contract';

/**
 * The behaviour every durable store must have. Each store package runs it against a real
 * database: `describeStoreContract('SQLite', fixture, { describe, it, beforeEach, afterEach })`.
 */
export function describeStoreContract(
  name: string,
  fixture: StoreFixture<DurableStore>,
  t: ContractTestApi,
): void {
  t.describe(`${name} store contract`, () => {
    let store: DurableStore;
    t.beforeEach(async () => {
      store = await fixture.open();
      await store.init();
    });
    t.afterEach(async () => {
      await fixture.dispose(store);
    });

    describeTaskContract(() => store, t);
    describeWakeContract(() => store, t);
    describeSeizeContract(() => store, t);

    t.it('can be initialised twice (migrations are idempotent)', async () => {
      await store.init();
      assert.deepEqual(await store.listExecutions(), []);
    });

    t.it('commits an execution with its first events atomically and reads them back in order', async () => {
      const row = executionRow('a');
      const events = [
        eventRow(row.executionArn, 2, 'PassStateEntered', { name: 'P', input: '{}' }),
        eventRow(row.executionArn, 1, 'ExecutionStarted', { input: '{"n":1}' }),
      ];
      assert.deepEqual(await store.commit(batch({ executions: [row], events })), { fenced: [] });
      assert.deepEqual(await store.getExecution(row.executionArn), row);
      const read = await store.listEvents(row.executionArn);
      assert.deepEqual(
        read.map((e) => [e.id, e.type, e.position]),
        [
          [1, 'ExecutionStarted', ':1'],
          [2, 'PassStateEntered', ':2'],
        ],
      );
      assert.deepEqual(read[1], events[0]);
    });

    t.it('groups the events of several executions in one commit', async () => {
      const rows = ['a', 'b', 'c'].map((n) => executionRow(n));
      await store.commit(batch({ executions: rows }));
      await store.commit(
        batch({ events: rows.flatMap((r) => [eventRow(r.executionArn, 1, 'ExecutionStarted', {})]) }),
      );
      for (const row of rows) assert.equal((await store.listEvents(row.executionArn)).length, 1);
    });

    /**
     * Writes event 1 of `name`, then a commit that starts another execution beside an event of
     * `name` with id `badId`: the commit must be refused as `refusal` says, leaving nothing of it.
     */
    async function refusedBeside(name: string, badId: number, refusal: (error: unknown) => boolean) {
      const row = executionRow(name);
      const arn = row.executionArn;
      await store.commit(batch({ executions: [row], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }));
      const other = executionRow(`beside-${name}`);
      await assert.rejects(
        store.commit(
          batch({
            executions: [other],
            events: [
              eventRow(other.executionArn, 1, 'ExecutionStarted', {}),
              eventRow(arn, badId, 'PassStateEntered', { name: 'P' }),
            ],
          }),
        ),
        refusal,
      );
      assert.equal(await store.getExecution(other.executionArn), undefined);
      assert.equal((await store.listEvents(arn)).length, 1);
      return arn;
    }

    t.it('refuses an event id written twice and writes nothing of that commit', async () => {
      await refusedBeside(
        'dup',
        1,
        (error) => error instanceof DuplicateTransitionError && error.code === 'DUPLICATE_TRANSITION',
      );
    });

    t.it('refuses the events of an execution it does not hold, naming it, and writes nothing', async () => {
      const row = executionRow('held');
      const stray = executionRow('never-started').executionArn;
      await assert.rejects(
        store.commit(
          batch({
            executions: [row],
            events: [
              eventRow(row.executionArn, 1, 'ExecutionStarted', {}),
              eventRow(stray, 1, 'ExecutionStarted', {}),
            ],
          }),
        ),
        (error) =>
          error instanceof DurableResourceNotFoundError &&
          error.code === 'RESOURCE_NOT_FOUND' &&
          error.arn === stray,
      );
      assert.equal(await store.getExecution(row.executionArn), undefined);
      assert.deepEqual(await store.listEvents(stray), []);
    });

    t.it(
      'forgets what a refused commit wrote before its refusal: those events can be written again',
      async () => {
        const row = executionRow('again');
        const other = executionRow('again-other');
        const arn = row.executionArn;
        await store.commit(
          batch({
            executions: [row, other],
            events: [
              eventRow(arn, 1, 'ExecutionStarted', {}),
              eventRow(other.executionArn, 1, 'ExecutionStarted', {}),
            ],
          }),
        );
        const entered = eventRow(arn, 2, 'PassStateEntered', { name: 'P' });
        const hole = eventRow(other.executionArn, 3, 'PassStateEntered', { name: 'P' });
        await assert.rejects(store.commit(batch({ events: [entered, hole] })), HistoryGapError);
        await store.commit(batch({ events: [entered] }));
        await store.commit(batch({ events: [eventRow(arn, 3, 'PassStateExited', { name: 'P' })] }));
        assert.deepEqual(
          (await store.listEvents(arn)).map((e) => e.id),
          [1, 2, 3],
        );
      },
    );

    t.it(
      'refuses events that would leave a hole in a history and writes nothing of that commit',
      async () => {
        const arn = await refusedBeside(
          'gap',
          3,
          (error) =>
            error instanceof HistoryGapError &&
            error.code === 'HISTORY_GAP' &&
            error.executionArn === executionRow('gap').executionArn &&
            error.eventId === 3 &&
            error.lastStoredId === 1,
        );
        await store.commit(batch({ events: [eventRow(arn, 2, 'PassStateEntered', { name: 'P' })] }));
        assert.deepEqual(
          (await store.listEvents(arn)).map((e) => e.id),
          [1, 2],
        );
      },
    );

    t.it('records the outcome from the terminal event in the same commit', async () => {
      const row = executionRow('done', { owner: 'w1', leaseExpires: T0 + 1000 });
      const arn = row.executionArn;
      await store.commit(
        batch({
          executions: [row],
          events: [eventRow(arn, 1, 'ExecutionStarted', {})],
          timersSet: [{ executionArn: arn, timerId: 't1', due: T0 + 5000 }],
        }),
      );
      await store.commit(
        batch({ owner: 'w1', events: [eventRow(arn, 2, 'ExecutionSucceeded', { output: '{"ok":true}' })] }),
      );
      const done = await store.getExecution(arn);
      assert.equal(done?.status, 'SUCCEEDED');
      assert.equal(done?.output, '{"ok":true}');
      assert.equal(done?.stopTime, T0 + 2);
      assert.equal(done?.owner, undefined);
      assert.deepEqual(await store.listTimers(arn), []);
      assert.deepEqual(
        (await store.listExecutions({ status: 'SUCCEEDED' })).map((e) => e.name),
        ['done'],
      );
      assert.deepEqual(await store.listExecutions({ status: 'RUNNING' }), []);
    });

    t.it('leaves out a new execution whose ARN is taken, with its rows, and writes the rest', async () => {
      // Two runtimes on a shared store started the same name at once: the later commit loses that
      // execution only, not the work of the others it carries.
      const first = executionRow('taken', { input: '{"first":true}' });
      const arn = first.executionArn;
      await store.commit(batch({ executions: [first], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }));
      const again = executionRow('taken', { input: '{"second":true}' });
      const beside = executionRow('beside');
      const result = await store.commit(
        batch({
          executions: [again, beside],
          events: [
            eventRow(arn, 1, 'ExecutionStarted', {}),
            eventRow(arn, 2, 'PassStateEntered', { name: 'P' }),
            eventRow(beside.executionArn, 1, 'ExecutionStarted', {}),
          ],
          timersSet: [{ executionArn: arn, timerId: 'late', due: T0 + 5000 }],
        }),
      );
      assert.deepEqual(result.fenced, [arn]);
      assert.equal((await store.getExecution(arn))?.input, '{"first":true}');
      assert.deepEqual(
        (await store.listEvents(arn)).map((e) => e.type),
        ['ExecutionStarted'],
      );
      assert.deepEqual(await store.listTimers(arn), []);
      assert.equal((await store.getExecution(beside.executionArn))?.status, 'RUNNING');
      assert.equal((await store.listEvents(beside.executionArn)).length, 1);
    });

    t.it('fences the events of an execution stored as ended, even one this store inserted', async () => {
      const row = executionRow('ended-at-start', { status: 'FAILED', stopTime: T0, error: 'Boom' });
      const arn = row.executionArn;
      await store.commit(batch({ executions: [row] }));
      const late = await store.commit(
        batch({ events: [eventRow(arn, 1, 'ExecutionSucceeded', { output: '{"late":true}' })] }),
      );
      assert.deepEqual(late.fenced, [arn]);
      const after = await store.getExecution(arn);
      assert.equal(after?.status, 'FAILED');
      assert.equal(after?.output, undefined);
      assert.deepEqual(await store.listEvents(arn), []);
    });

    t.it('tells which of many executions have ended, leaving out running and unknown ones', async () => {
      if (!store.endedAmong) return;
      const rows = ['ended-a', 'ended-b', 'still-running'].map((name) => executionRow(name));
      const [a, b, running] = rows.map((row) => row.executionArn) as [string, string, string];
      await store.commit(
        batch({
          executions: rows,
          events: [
            eventRow(a, 1, 'ExecutionSucceeded', { output: '{"n":1}' }),
            eventRow(b, 1, 'ExecutionFailed', { error: 'E' }),
            eventRow(running, 1, 'ExecutionStarted', {}),
          ],
        }),
      );
      const unknown = executionRow('never-started').executionArn;
      const ended = await store.endedAmong([running, b, unknown, a]);
      assert.deepEqual(ended.map((e) => [e.name, e.status, e.output, e.error]).sort(), [
        ['ended-a', 'SUCCEEDED', '{"n":1}', undefined],
        ['ended-b', 'FAILED', undefined, 'E'],
      ]);
      assert.deepEqual(await store.endedAmong([]), []);
    });

    t.it('keeps failures with their error and cause', async () => {
      const row = executionRow('bad');
      await store.commit(
        batch({
          executions: [row],
          events: [eventRow(row.executionArn, 1, 'ExecutionFailed', { error: 'Oops', cause: 'because' })],
        }),
      );
      const failed = await store.getExecution(row.executionArn);
      assert.deepEqual([failed?.status, failed?.error, failed?.cause], ['FAILED', 'Oops', 'because']);
    });

    t.it('keeps timers by due time and clears them', async () => {
      const row = executionRow('timers');
      const arn = row.executionArn;
      await store.commit(
        batch({
          executions: [row],
          timersSet: [
            { executionArn: arn, timerId: 'late', due: T0 + 9000 },
            { executionArn: arn, timerId: 'soon', due: T0 + 1000 },
          ],
        }),
      );
      assert.deepEqual(
        (await store.listTimers(arn)).map((t) => t.timerId),
        ['soon', 'late'],
      );
      await store.commit(batch({ timersCleared: [{ executionArn: arn, timerId: 'soon' }] }));
      assert.deepEqual(
        (await store.listTimers(arn)).map((t) => [t.timerId, t.due]),
        [['late', T0 + 9000]],
      );
      await store.clearTimers(arn);
      assert.deepEqual(await store.listTimers(arn), []);
    });

    t.it('clears the timers of an execution that ends, whichever earlier commit set them', async () => {
      const [first, later] = [executionRow('timed-first'), executionRow('timed-later')];
      await store.commit(
        batch({
          executions: [first, later],
          events: [eventRow(first.executionArn, 1, 'ExecutionStarted', {})],
          timersSet: [{ executionArn: first.executionArn, timerId: 'nap', due: T0 + 9000 }],
        }),
      );
      await store.commit(
        batch({
          events: [eventRow(later.executionArn, 1, 'ExecutionStarted', {})],
          timersSet: [{ executionArn: later.executionArn, timerId: 'retry', due: T0 + 9000 }],
        }),
      );
      await store.commit(
        batch({
          events: [first, later].map((row) => eventRow(row.executionArn, 2, 'ExecutionSucceeded', {})),
        }),
      );
      assert.deepEqual(await store.listTimers(first.executionArn), []);
      assert.deepEqual(await store.listTimers(later.executionArn), []);
    });

    t.it('leases a running execution to one owner until the lease expires', async () => {
      const row = executionRow('lease');
      await store.commit(batch({ executions: [row] }));
      const first = await claimReadable(store, { owner: 'w1', limit: 10, leaseMs: 1000, now: T0 });
      assert.deepEqual(
        first.map((e) => [e.name, e.owner, e.leaseExpires]),
        [['lease', 'w1', T0 + 1000]],
      );
      assert.deepEqual(
        await claimReadable(store, { owner: 'w2', limit: 10, leaseMs: 1000, now: T0 + 500 }),
        [],
      );
      const stolen = await claimReadable(store, { owner: 'w2', limit: 10, leaseMs: 1000, now: T0 + 1001 });
      assert.deepEqual(
        stolen.map((e) => e.owner),
        ['w2'],
      );
      assert.deepEqual(await store.renew('w1', [row.executionArn], 1000, T0 + 1002), [row.executionArn]);
      assert.deepEqual(await store.renew('w2', [row.executionArn], 1000, T0 + 1002), []);
      assert.equal((await store.getExecution(row.executionArn))?.leaseExpires, T0 + 2002);
    });

    t.it(
      'hands over with a claim, if it hands over histories at all, the ones listEvents reads',
      async () => {
        const ran = executionRow('ran');
        const queued = executionRow('queued');
        const arn = ran.executionArn;
        await store.commit(
          batch({ executions: [ran, queued], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }),
        );
        await store.commit(
          batch({
            events: [
              eventRow(arn, 2, 'PassStateEntered', { name: 'P' }),
              eventRow(arn, 3, 'PassStateExited', { name: 'P' }),
            ],
          }),
        );
        const claimed = await claimReadable(store, { owner: 'w1', limit: 2, leaseMs: 1000, now: T0 });
        assert.deepEqual(claimed.map((row) => row.executionArn).sort(), [arn, queued.executionArn].sort());
        // Handing histories over is optional (the runtime reads them with listEvents otherwise).
        for (const row of claimed) {
          if (row.history !== undefined)
            assert.deepEqual(row.history, await store.listEvents(row.executionArn));
        }
      },
    );

    t.it(
      'takes back an expired lease of the claimant itself (a run under its name that is gone)',
      async () => {
        const row = executionRow('own', { owner: 'pod-0', leaseExpires: T0 + 1000 });
        await store.commit(batch({ executions: [row] }));
        assert.deepEqual(
          await claimReadable(store, { owner: 'pod-0', limit: 10, leaseMs: 1000, now: T0 + 500 }),
          [],
        );
        const taken = await claimReadable(store, {
          owner: 'pod-0',
          limit: 10,
          leaseMs: 1000,
          now: T0 + 1001,
        });
        assert.deepEqual(
          taken.map((e) => [e.name, e.owner, e.leaseExpires]),
          [['own', 'pod-0', T0 + 2001]],
        );
      },
    );

    t.it('claims no more than asked, and only running executions', async () => {
      await store.commit(
        batch({
          executions: [
            executionRow('r1'),
            executionRow('r2'),
            executionRow('r3'),
            executionRow('s', { status: 'SUCCEEDED' }),
          ],
        }),
      );
      const claimed = await claimReadable(store, { owner: 'w1', limit: 2, leaseMs: 1000, now: T0 });
      assert.equal(claimed.length, 2);
      const rest = await claimReadable(store, { owner: 'w2', limit: 5, leaseMs: 1000, now: T0 });
      assert.equal(rest.length, 1);
      assert.ok(!claimed.some((c) => c.executionArn === rest[0]?.executionArn));
    });

    t.it('hands a released lease to the next claimant at once; takeOver ignores live leases', async () => {
      const row = executionRow('handback');
      await store.commit(batch({ executions: [row] }));
      await claimReadable(store, { owner: 'w1', limit: 1, leaseMs: 60_000, now: T0 });
      await store.release('w1', [row.executionArn]);
      assert.equal(
        (await claimReadable(store, { owner: 'w2', limit: 1, leaseMs: 60_000, now: T0 })).length,
        1,
      );
      const taken = await claimReadable(store, {
        owner: 'w3',
        limit: 1,
        leaseMs: 60_000,
        now: T0,
        takeOver: true,
      });
      assert.deepEqual(
        taken.map((e) => e.owner),
        ['w3'],
      );
    });

    t.it('refuses the timers and tokens of an owner that lost the lease, without events too', async () => {
      const row = executionRow('fenced-rows', { owner: 'w2', leaseExpires: T0 + 60_000 });
      const arn = row.executionArn;
      await store.commit(
        batch({ executions: [row], timersSet: [{ executionArn: arn, timerId: 'kept', due: T0 + 5000 }] }),
      );
      const late = await store.commit(
        batch({
          owner: 'w1',
          timersSet: [{ executionArn: arn, timerId: 'late', due: T0 + 9000 }],
          timersCleared: [{ executionArn: arn, timerId: 'kept' }],
          tokensOpened: [
            {
              token: 'late.tok',
              executionArn: arn,
              activityArn: undefined,
              input: undefined,
              scheduledAt: T0,
            },
          ],
        }),
      );
      assert.deepEqual(late.fenced, [arn]);
      assert.deepEqual(
        (await store.listTimers(arn)).map((timer) => timer.timerId),
        ['kept'],
      );
      assert.equal(await store.getTaskToken('late.tok'), undefined);
    });

    t.it('refuses the events of an owner that lost the lease (fencing)', async () => {
      const row = executionRow('fenced', { owner: 'w1', leaseExpires: T0 + 1000 });
      const arn = row.executionArn;
      await store.commit(batch({ executions: [row], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }));
      await claimReadable(store, { owner: 'w2', limit: 1, leaseMs: 1000, now: T0 + 2000 });
      const result = await store.commit(
        batch({ owner: 'w1', events: [eventRow(arn, 2, 'PassStateEntered', { name: 'P' })] }),
      );
      assert.deepEqual(result.fenced, [arn]);
      assert.equal((await store.listEvents(arn)).length, 1);
      await store.commit(
        batch({ owner: 'w2', events: [eventRow(arn, 2, 'PassStateEntered', { name: 'P' })] }),
      );
      assert.equal((await store.listEvents(arn)).length, 2);
    });

    t.it('redrives a failed execution, raising its redrive count, but not a running one', async () => {
      const row = executionRow('redrive');
      const arn = row.executionArn;
      await store.commit(
        batch({ executions: [row], events: [eventRow(arn, 1, 'ExecutionFailed', { error: 'E' })] }),
      );
      const redriven = await store.redrive(arn, 'w1', 1000, T0 + 10);
      assert.deepEqual(
        [redriven?.status, redriven?.redriveCount, redriven?.error, redriven?.owner],
        ['RUNNING', 1, undefined, 'w1'],
      );
      assert.equal(await store.redrive(arn, 'w1', 1000, T0 + 10), undefined);
      assert.equal(await store.redrive('arn:missing', 'w1', 1000, T0), undefined);
      // The redriven run's history goes on from its ExecutionRedriven event, which reads back.
      await store.commit(
        batch({ owner: 'w1', events: [eventRow(arn, 2, 'ExecutionRedriven', { redriveCount: 1 })] }),
      );
      assert.deepEqual(
        (await store.listEvents(arn)).map((event) => event.type),
        ['ExecutionFailed', 'ExecutionRedriven'],
      );
    });

    t.it('keeps definitions, state machines, numbered versions and aliases', async () => {
      const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Versioned';
      await store.putDefinition('d1', '{"StartAt":"A"}');
      await store.putDefinition('d1', '{"StartAt":"A"}');
      await store.putDefinition('d2', '{"StartAt":"B"}');
      assert.equal(await store.getDefinition('d1'), '{"StartAt":"A"}');
      assert.equal(await store.getDefinition('nope'), undefined);
      await store.putStateMachine({
        stateMachineArn: arn,
        name: 'Versioned',
        definitionId: 'd1',
        createdAt: T0,
      });
      const v1 = await store.publishVersion(arn, 'first', T0 + 1);
      await store.putStateMachine({
        stateMachineArn: arn,
        name: 'Versioned',
        definitionId: 'd2',
        createdAt: T0,
      });
      const v2 = await store.publishVersion(arn, undefined, T0 + 2);
      assert.deepEqual(
        [v1.versionArn, v1.version, v1.definitionId, v1.description],
        [`${arn}:1`, 1, 'd1', 'first'],
      );
      assert.deepEqual([v2.version, v2.definitionId], [2, 'd2']);
      assert.deepEqual(await store.getVersion(`${arn}:1`), v1);
      assert.deepEqual(
        (await store.listVersions(arn)).map((v) => v.version),
        [1, 2],
      );
      assert.equal((await store.getStateMachine(arn))?.definitionId, 'd2');
      const alias = {
        aliasArn: `${arn}:prod`,
        stateMachineArn: arn,
        name: 'prod',
        routing: [
          { versionArn: v1.versionArn, weight: 90 },
          { versionArn: v2.versionArn, weight: 10 },
        ],
        description: undefined,
      };
      await store.putAlias(alias);
      assert.deepEqual(await store.getAlias(alias.aliasArn), alias);
      await store.putAlias({ ...alias, routing: [{ versionArn: v2.versionArn, weight: 100 }] });
      assert.deepEqual((await store.getAlias(alias.aliasArn))?.routing, [
        { versionArn: v2.versionArn, weight: 100 },
      ]);
    });
  });
}
