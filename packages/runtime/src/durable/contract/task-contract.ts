import assert from 'node:assert/strict';
import type { DurableStore } from '../durable-store';
import type { OpenedTaskToken } from '../stored-tasks';
import { batch, eventRow, executionRow, T0 } from './sample-rows';
import type { ContractTestApi } from './test-api';

const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:resize';

function opened(executionArn: string, token: string, patch: Partial<OpenedTaskToken> = {}): OpenedTaskToken {
  return { token, executionArn, activityArn: undefined, input: undefined, scheduledAt: T0, ...patch };
}

/** Activities and task tokens: what lets any runtime hand out activity tasks and answer tokens. */
export function describeTaskContract(store: () => DurableStore, t: ContractTestApi): void {
  t.it('keeps activities; creating one again returns the first unchanged', async () => {
    const first = { activityArn: ACTIVITY, name: 'resize', createdAt: T0 };
    assert.deepEqual(await store().putActivity(first), first);
    assert.deepEqual(await store().putActivity({ ...first, createdAt: T0 + 5 }), first);
    assert.deepEqual(await store().getActivity(ACTIVITY), first);
    assert.equal(await store().getActivity(`${ACTIVITY}-nope`), undefined);
  });

  t.it(
    'opens tokens in a commit, closes them with the outcome, and closes the rest when the execution fails',
    async () => {
      const row = executionRow('tokens');
      const arn = row.executionArn;
      const activity = opened(arn, 'tok.1', { activityArn: ACTIVITY, input: '{"w":1}' });
      await store().commit(
        batch({ executions: [row], tokensOpened: [activity, opened(arn, 'tok.2'), opened(arn, 'tok.3')] }),
      );
      assert.deepEqual(await store().getTaskToken('tok.1'), {
        ...activity,
        state: 'OPEN',
        taken: false,
        workerName: undefined,
        heartbeats: 0,
        heartbeatAt: undefined,
        answer: undefined,
      });
      await store().commit(
        batch({
          tokensClosed: [
            { token: 'tok.2', executionArn: arn, state: 'TIMED_OUT' },
            { token: 'tok.3', executionArn: arn, state: 'CLOSED' },
          ],
        }),
      );
      assert.equal((await store().getTaskToken('tok.2'))?.state, 'TIMED_OUT');
      await store().commit(batch({ events: [eventRow(arn, 1, 'ExecutionFailed', { error: 'E' })] }));
      // Kept without their input, so that a redrive cannot open them again (see below).
      const ended = await Promise.all(
        ['tok.1', 'tok.2', 'tok.3'].map((token) => store().getTaskToken(token)),
      );
      assert.deepEqual(
        ended.map((token) => [token?.state, token?.input]),
        [
          ['TIMED_OUT', undefined],
          ['TIMED_OUT', undefined],
          ['CLOSED', undefined],
        ],
      );
      assert.equal(await store().takeActivityTask(ACTIVITY, 'w1'), undefined);
    },
  );

  t.it('drops the tokens of an execution that succeeded, which can never be redriven', async () => {
    const row = executionRow('succeeded-tokens');
    const arn = row.executionArn;
    await store().commit(
      batch({ executions: [row], tokensOpened: [opened(arn, 's.1'), opened(arn, 's.2')] }),
    );
    await store().commit(batch({ tokensClosed: [{ token: 's.1', executionArn: arn, state: 'CLOSED' }] }));
    await store().commit(batch({ events: [eventRow(arn, 1, 'ExecutionSucceeded', { output: '1' })] }));
    assert.deepEqual(await Promise.all(['s.1', 's.2'].map((token) => store().getTaskToken(token))), [
      undefined,
      undefined,
    ]);
    assert.equal(await store().answerTask('s.2', arn, { kind: 'SUCCESS', output: '1' }), 'TIMED_OUT');
  });

  t.it('refuses, once the execution is redriven, answers to the tokens it had before', async () => {
    const row = executionRow('redriven-tokens');
    const arn = row.executionArn;
    await store().commit(
      batch({
        executions: [row],
        tokensOpened: [opened(arn, 'r.1'), opened(arn, 'r.2'), opened(arn, 'r.3')],
      }),
    );
    const success = { kind: 'SUCCESS', output: '1' } as const;
    assert.equal(await store().answerTask('r.1', arn, success), 'ACCEPTED');
    await store().commit(batch({ tokensClosed: [{ token: 'r.1', executionArn: arn, state: 'CLOSED' }] }));
    // r.2 was answered but the execution failed before applying it; r.3 was never answered.
    assert.equal(await store().answerTask('r.2', arn, success), 'ACCEPTED');
    await store().commit(batch({ events: [eventRow(arn, 1, 'ExecutionFailed', { error: 'E' })] }));
    assert.ok(await store().redrive(arn, 'w1', 60_000, T0 + 10));
    assert.equal(await store().answerTask('r.1', arn, success), 'CLOSED');
    assert.equal(await store().answerTask('r.2', arn, success), 'TIMED_OUT');
    assert.equal(await store().answerTask('r.3', arn, success), 'TIMED_OUT');
    assert.equal(await store().heartbeatTask('r.3', arn, T0 + 20), 'TIMED_OUT');
    assert.deepEqual(await store().taskSignals([arn]), []);
    // A token the redriven run has yet to open is answered as before.
    assert.equal(await store().answerTask('r.4', arn, success), 'ACCEPTED');
  });

  t.it('hands each activity task to one worker, oldest first', async () => {
    const row = executionRow('workers');
    const arn = row.executionArn;
    await store().commit(
      batch({
        executions: [row],
        tokensOpened: [
          opened(arn, 'late.1', { activityArn: ACTIVITY, input: '2', scheduledAt: T0 + 2 }),
          opened(arn, 'early.1', { activityArn: ACTIVITY, input: '1', scheduledAt: T0 + 1 }),
          opened(arn, 'other.1', { activityArn: `${ACTIVITY}-other`, input: '3' }),
        ],
      }),
    );
    const first = await store().takeActivityTask(ACTIVITY, 'w1');
    const second = await store().takeActivityTask(ACTIVITY, undefined);
    assert.deepEqual(
      [first?.token, first?.input, first?.taken, first?.workerName],
      ['early.1', '1', true, 'w1'],
    );
    assert.deepEqual([second?.token, second?.workerName], ['late.1', undefined]);
    assert.equal(await store().takeActivityTask(ACTIVITY, 'w3'), undefined);
    assert.deepEqual((await store().taskSignals([arn])).map((s) => s.token).sort(), ['early.1', 'late.1']);
  });

  t.it('stores one answer per token, and refuses answers after the outcome or the end', async () => {
    const row = executionRow('answers');
    const arn = row.executionArn;
    await store().commit(
      batch({
        executions: [row],
        tokensOpened: [opened(arn, 'a.1'), opened(arn, 'b.1'), opened(arn, 'c.1')],
      }),
    );
    const success = { kind: 'SUCCESS', output: '{"ok":true}' } as const;
    assert.equal(await store().answerTask('a.1', arn, success), 'ACCEPTED');
    assert.equal(await store().answerTask('a.1', arn, success), 'CLOSED');
    const failure = { kind: 'FAILURE', error: 'E', cause: undefined } as const;
    assert.equal(await store().answerTask('b.1', arn, failure), 'ACCEPTED');
    assert.deepEqual((await store().getTaskToken('a.1'))?.answer, success);
    assert.deepEqual((await store().getTaskToken('b.1'))?.answer, failure);
    assert.deepEqual((await store().taskSignals([arn])).map((s) => [s.token, s.state]).sort(), [
      ['a.1', 'ANSWERED'],
      ['b.1', 'ANSWERED'],
    ]);
    await store().commit(
      batch({
        tokensClosed: [
          { token: 'a.1', executionArn: arn, state: 'CLOSED' },
          { token: 'c.1', executionArn: arn, state: 'TIMED_OUT' },
        ],
      }),
    );
    assert.equal(await store().answerTask('a.1', arn, success), 'CLOSED');
    assert.equal(await store().heartbeatTask('c.1', arn, T0 + 20), 'TIMED_OUT');
    assert.equal(
      await store().answerTask('x.1', 'arn:aws:states:us-east-1:1:execution:M:none', success),
      'UNKNOWN',
    );
    await store().commit(batch({ events: [eventRow(arn, 1, 'ExecutionFailed', { error: 'E' })] }));
    assert.equal(await store().answerTask('b.1', arn, success), 'TIMED_OUT');
  });

  t.it('accepts an answer that arrives before the commit opening its token, and keeps it', async () => {
    const row = executionRow('early');
    const arn = row.executionArn;
    await store().commit(batch({ executions: [row] }));
    assert.equal(await store().answerTask('e.1', arn, { kind: 'SUCCESS', output: '7' }), 'ACCEPTED');
    await store().commit(
      batch({ tokensOpened: [opened(arn, 'e.1', { activityArn: ACTIVITY, input: '{}' })] }),
    );
    const token = await store().getTaskToken('e.1');
    assert.deepEqual(
      [token?.state, token?.activityArn, token?.answer],
      ['ANSWERED', ACTIVITY, { kind: 'SUCCESS', output: '7' }],
    );
    assert.equal(await store().takeActivityTask(ACTIVITY, 'w1'), undefined);
  });

  t.it(
    'counts heartbeats as signals for the runtime running the execution, with the latest time sent',
    async () => {
      const row = executionRow('beats');
      const arn = row.executionArn;
      await store().commit(
        batch({ executions: [row], tokensOpened: [opened(arn, 'h.1'), opened(arn, 'q.1')] }),
      );
      assert.deepEqual(await store().taskSignals([arn]), []);
      assert.equal(await store().heartbeatTask('h.1', arn, T0 + 30), 'ACCEPTED');
      // Sent earlier from another runtime, stored later: the latest time is kept.
      assert.equal(await store().heartbeatTask('h.1', arn, T0 + 20), 'ACCEPTED');
      assert.deepEqual(
        (await store().taskSignals([arn])).map((s) => [s.token, s.heartbeats, s.heartbeatAt]),
        [['h.1', 2, T0 + 30]],
      );
      // One that reaches a token before the commit opening it keeps its time too.
      assert.equal(await store().heartbeatTask('q.2', arn, T0 + 40), 'ACCEPTED');
      assert.equal((await store().getTaskToken('q.2'))?.heartbeatAt, T0 + 40);
    },
  );

  t.it('does not open the tokens of an execution whose lease is lost', async () => {
    const row = executionRow('fenced-token', { owner: 'w1', leaseExpires: T0 + 1000 });
    const arn = row.executionArn;
    await store().commit(batch({ executions: [row], events: [eventRow(arn, 1, 'ExecutionStarted', {})] }));
    await store().claim({ owner: 'w2', limit: 1, leaseMs: 1000, now: T0 + 2000 });
    const result = await store().commit(
      batch({
        owner: 'w1',
        events: [eventRow(arn, 2, 'TaskStateEntered', { name: 'T' })],
        tokensOpened: [opened(arn, 'f.1')],
      }),
    );
    assert.deepEqual(result.fenced, [arn]);
    assert.equal(await store().getTaskToken('f.1'), undefined);
  });
}
