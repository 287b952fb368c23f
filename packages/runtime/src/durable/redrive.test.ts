import { describe, expect, it } from 'vitest';
import { TaskDoesNotExistError } from '../callbacks/callback-errors';
import { createVirtualClock } from '../clock/virtual-clock';
import { TaskFailedError } from '../errors/runtime-errors';
import type { HistoryEvent } from '../history/history-event';
import { approval, tokenBox } from './contract/callback-workflow';
import { createDurableRuntime } from './durable-runtime';
import type { DurableRuntime } from './durable-runtime-api';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** The types of the events recorded after the last `ExecutionRedriven`. */
function sinceRedrive(history: readonly HistoryEvent[]): string[] {
  const at = history.map((e) => e.type).lastIndexOf('ExecutionRedriven');
  return history.slice(at + 1).map((e) => e.type);
}

/**
 * Starts the approval workflow on `runtime`, rejects its callback (the execution fails), redrives
 * it and waits until the redriven task has sent its new token (`tokens[1]`).
 */
async function rejectedThenRedriven(runtime: DurableRuntime, tokens: readonly string[]) {
  const started = await runtime.startExecution(approval, { name: 'approval' });
  await until(() => tokens.length === 1);
  await runtime.sendTaskFailure(tokens[0] as string, 'Rejected', 'not today');
  expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'Rejected' });
  const redriven = await runtime.redriveExecution(started.executionArn);
  await until(() => tokens.length === 2);
  return { started, redriven };
}

describe('redriveExecution: the failed Task is scheduled again, as AWS does', () => {
  it('sends a callback task out again, with a new token', async () => {
    const { tokens, handlers } = tokenBox();
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), handlers });
    const { started, redriven } = await rejectedThenRedriven(runtime, tokens);
    expect(tokens[1]).not.toBe(tokens[0]);
    const history = () => runtime.getExecutionHistory(started.executionArn);
    await until(async () => sinceRedrive(await history()).length === 3);
    expect(sinceRedrive(await history())).toEqual(['TaskScheduled', 'TaskStarted', 'TaskSubmitted']);
    await runtime.sendTaskSuccess(tokens[1] as string, { approved: true });
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    await runtime.close();
  });

  it('refuses an answer to the token from before the redrive, which nothing waits on any more', async () => {
    const { tokens, handlers } = tokenBox();
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), handlers });
    const { redriven } = await rejectedThenRedriven(runtime, tokens);
    await expect(runtime.sendTaskSuccess(tokens[0] as string, { approved: true })).rejects.toBeInstanceOf(
      TaskDoesNotExistError,
    );
    await runtime.sendTaskSuccess(tokens[1] as string, { approved: true });
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    await runtime.close();
  });

  it('replays what it recorded since the redrive after a restart: the callback is not sent again', async () => {
    const { tokens, handlers } = tokenBox();
    const store = new InMemoryDurableStore();
    const first = createDurableRuntime({ store, handlers });
    const { started } = await rejectedThenRedriven(first, tokens);
    const history = () => store.listEvents(started.executionArn);
    await until(async () => (await history()).at(-1)?.type === 'TaskSubmitted');
    await first.close();

    // The redriven attempt took the failed one's positions in its lane: those are its own now.
    const second = createDurableRuntime({ store, handlers });
    await second.recover();
    await second.sendTaskSuccess(tokens[1] as string, { approved: true });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    expect(tokens).toHaveLength(2);
    const types = (await history()).map((e) => e.type);
    expect(types.slice(types.lastIndexOf('ExecutionRedriven') + 1)).toEqual([
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    await second.close();
  });

  it('counts the retries of the failed Task from zero again', async () => {
    const attempts: number[] = [];
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      clock: createVirtualClock(),
      handlers: {
        [fn('flaky')]: (_input, context) => {
          attempts.push(context.attempt);
          if (attempts.length <= 4) throw new TaskFailedError('Flaky', `call ${attempts.length}`);
          return 'done';
        },
      },
    });
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: fn('flaky'),
          Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 2, IntervalSeconds: 1 }],
          End: true,
        },
      },
    };
    const started = await runtime.startExecution(definition, { name: 'flaky' });
    expect(await started.result()).toMatchObject({ status: 'FAILED', cause: 'call 3' });
    const redriven = await runtime.redriveExecution(started.executionArn);
    // The fourth call fails and is retried: the redriven Task has its two retries again.
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
    expect(attempts).toEqual([0, 1, 2, 0, 1]);
    await runtime.close();
  });

  it("restarts the Task's TimeoutSeconds and the machine's TimeoutSeconds from the redrive", async () => {
    // Time moves only when the test says.
    const clock = createVirtualClock({ autoAdvance: false });
    let calls = 0;
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      clock,
      handlers: {
        // The first call never answers; later ones answer after 5 s.
        [fn('slow')]: () => {
          calls++;
          return calls === 1 ? new Promise<never>(() => {}) : clock.sleep(5_000).then(() => 'answered');
        },
      },
    });
    const slow = { Type: 'Task', Resource: fn('slow'), End: true };
    const cases = [
      ['task-timeout', { StartAt: 'Slow', States: { Slow: { ...slow, TimeoutSeconds: 10 } } }, 'FAILED'],
      ['machine-timeout', { TimeoutSeconds: 10, StartAt: 'Slow', States: { Slow: slow } }, 'TIMED_OUT'],
    ] as const;
    for (const [name, definition, status] of cases) {
      calls = 0;
      const started = await runtime.startExecution(definition, { name });
      await until(() => calls === 1);
      clock.advance(10_000);
      expect(await started.result()).toMatchObject({ status, error: 'States.Timeout' });
      clock.advance(60_000);
      const redriven = await runtime.redriveExecution(started.executionArn);
      await until(() => calls === 2);
      // Both timeouts count from the redrive, so an answer 5 s later is in time.
      clock.advance(5_000);
      expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: 'answered' });
    }
    await runtime.close();
  });

  it('starts a new child for a failed states:startExecution.sync:2 Task', async () => {
    let childFails = true;
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({
      store,
      handlers: {
        [fn('child-step')]: () => {
          if (childFails) throw new TaskFailedError('ChildBroke', 'first child');
          return 'child-ok';
        },
      },
    });
    const child = await runtime.createStateMachine('Child', {
      StartAt: 'Step',
      States: { Step: { Type: 'Task', Resource: fn('child-step'), End: true } },
    });
    const parent = {
      StartAt: 'RunChild',
      States: {
        RunChild: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: child.stateMachineArn, Input: {} },
          OutputPath: '$.Output',
          End: true,
        },
      },
    };
    const started = await runtime.startExecution(parent, { name: 'parent' });
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    childFails = false;
    const redriven = await runtime.redriveExecution(started.executionArn);
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: 'child-ok' });
    const children = (await store.listExecutions()).filter(
      (e) => e.stateMachineArn === child.stateMachineArn,
    );
    expect(children.map((e) => e.status).sort()).toEqual(['FAILED', 'SUCCEEDED']);
    await runtime.close();
  });

  it('refuses an execution that ended more than 14 days ago, as AWS does', async () => {
    const clock = createVirtualClock({ autoAdvance: false });
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      clock,
      handlers: {
        [fn('broken')]: () => {
          throw new TaskFailedError('Broken', 'always');
        },
      },
    });
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('broken'), End: true } } };
    const started = await runtime.startExecution(definition, { name: 'old' });
    expect((await started.result()).status).toBe('FAILED');
    clock.advance(15 * 86_400_000);
    await expect(runtime.redriveExecution(started.executionArn)).rejects.toMatchObject({
      code: 'EXECUTION_NOT_REDRIVABLE',
      message: expect.stringMatching(/more than 14 days ago/),
    });
    expect((await runtime.describeExecution(started.executionArn))?.redriveCount).toBe(0);
    await runtime.close();
  });

  it('reruns a whole Parallel, and a Task, whose result was too large, as AWS does', async () => {
    let large = true;
    const calls: string[] = [];
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: {
        [fn('part')]: (input) => {
          calls.push(String((input as { part: string }).part));
          return large ? 'x'.repeat(150_000) : 'small';
        },
      },
    });
    const part = (name: string) => ({
      StartAt: name,
      States: { [name]: { Type: 'Task', Resource: fn('part'), Parameters: { part: name }, End: true } },
    });
    const parallel = {
      StartAt: 'Both',
      States: { Both: { Type: 'Parallel', Branches: [part('a'), part('b')], End: true } },
    };
    const started = await runtime.startExecution(parallel, { name: 'too-large' });
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    large = false;
    const redriven = await runtime.redriveExecution(started.executionArn);
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: ['small', 'small'] });
    expect(calls.sort()).toEqual(['a', 'a', 'b', 'b']);

    // A Task's own result past the limit: the Task is scheduled again.
    large = true;
    calls.length = 0;
    const doubled = {
      StartAt: 'c',
      States: {
        c: {
          Type: 'Task',
          Resource: fn('part'),
          Parameters: { part: 'c' },
          ResultSelector: { 'twice.$': 'States.Array($, $)' },
          End: true,
        },
      },
    };
    const single = await runtime.startExecution(doubled, { name: 'too-large-task' });
    expect(await single.result()).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    large = false;
    const again = await runtime.redriveExecution(single.executionArn);
    expect(await again.result()).toEqual({ status: 'SUCCEEDED', output: { twice: ['small', 'small'] } });
    expect(calls).toEqual(['c', 'c']);
    await runtime.close();
  });
});
