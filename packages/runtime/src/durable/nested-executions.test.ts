import { describe, expect, it } from 'vitest';
import { ExecutionAlreadyExistsError } from '../errors/runtime-errors';
import type { ChildRequest } from '../integrations/start-execution';
import { StateMachineDoesNotExistError } from '../machines/machine-errors';
import { approval, tokenBox } from './contract/callback-workflow';
import { executionRow } from './contract/sample-rows';
import { createDurableRuntime } from './durable-runtime';
import type { CommitBatch, StoredExecution } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';
import { nestedExecutionStarter } from './nested-executions';
import { DurableResourceNotFoundError } from './store-errors';
import { until } from './until.fixtures';

const fn = 'arn:aws:lambda:us-east-1:123456789012:function:slow-work';

const parentOf = (stateMachineArn: string, resource = 'arn:aws:states:::states:startExecution.sync:2') => ({
  StartAt: 'Run',
  States: {
    Run: {
      Type: 'Task',
      Resource: resource,
      Parameters: { StateMachineArn: stateMachineArn, Input: { order: 7 } },
      End: true,
    },
  },
});

/**
 * A parent whose startExecution task (`.sync:2` unless `resource` says) started an Approve
 * child, once the child has sent its token out.
 */
async function parentAwaitingApproval(resource?: string) {
  const store = new InMemoryDurableStore();
  const box = tokenBox();
  const runtime = createDurableRuntime({ store, handlers: box.handlers });
  const child = await runtime.createStateMachine('Approve', approval);
  const started = await runtime.startExecution(parentOf(child.stateMachineArn, resource));
  await until(() => box.tokens.length === 1);
  const childRow = async () =>
    (await store.listExecutions()).find((e) => e.stateMachineArn === child.stateMachineArn);
  return { store, box, runtime, child, started, childRow };
}

describe('nested executions of a durable runtime', () => {
  it('run as durable executions of their own, and answer .sync:2 with their description', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store });
    const child = await runtime.createStateMachine('Charge', {
      StartAt: 'Done',
      States: { Done: { Type: 'Pass', Result: { charged: true }, End: true } },
    });
    const started = await runtime.startExecution(parentOf(child.stateMachineArn));
    const result = await started.result();
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { Input: { order: 7 }, Output: { charged: true }, Status: 'SUCCEEDED' },
    });
    const childArn = (result as { output: { ExecutionArn: string } }).output.ExecutionArn;
    expect(childArn.startsWith('arn:aws:states:us-east-1:123456789012:execution:Charge:')).toBe(true);
    expect(await runtime.describeExecution(childArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"charged":true}',
    });
    await runtime.close();
  });

  it('are found again by a parent resumed after a restart: one child, its token sent once', async () => {
    const { store, box, runtime: first, child, started } = await parentAwaitingApproval();
    await first.close();

    const second = createDurableRuntime({ store, handlers: box.handlers });
    await second.recover();
    await second.sendTaskSuccess(box.tokens[0] as string, { approved: true });
    expect(await started.result()).toMatchObject({
      status: 'SUCCEEDED',
      output: { Output: { approved: true } },
    });
    const children = (await store.listExecutions()).filter(
      (e) => e.stateMachineArn === child.stateMachineArn,
    );
    expect(children).toHaveLength(1);
    expect(box.tokens).toHaveLength(1);
    await second.close();
  });

  it('start without waiting when the resource has no suffix; the child runs on its own', async () => {
    const { store, box, runtime, started } = await parentAwaitingApproval(
      'arn:aws:states:::states:startExecution',
    );
    const result = (await started.result()) as { status: string; output: { ExecutionArn: string } };
    expect(result.status).toBe('SUCCEEDED');
    expect((await store.getExecution(result.output.ExecutionArn))?.status).toBe('RUNNING');
    await runtime.sendTaskSuccess(box.tokens[0] as string, 'later');
    await until(async () => (await store.getExecution(result.output.ExecutionArn))?.status === 'SUCCEEDED');
    expect((await store.getExecution(result.output.ExecutionArn))?.status).toBe('SUCCEEDED');
    await runtime.close();
  });

  it('are stopped with their parent', async () => {
    const { runtime, started, childRow } = await parentAwaitingApproval();
    await runtime.stopExecution(started.executionArn, { cause: 'order cancelled' });
    await until(async () => (await childRow())?.status === 'ABORTED');
    expect((await childRow())?.status).toBe('ABORTED');
    await runtime.close();
  });

  it('are stopped with a parent that another runtime stops through the store', async () => {
    const { store, box, runtime: first, started, childRow } = await parentAwaitingApproval();
    // The parent and its child are left running in the store, as a process that went away leaves them.
    await first.close();
    const other = createDurableRuntime({ store, handlers: box.handlers });
    await other.stopExecution(started.executionArn, { cause: 'order cancelled' });
    expect((await childRow())?.status).toBe('ABORTED');
    expect((await childRow())?.cause).toBe('The parent execution stopped waiting for it.');
    await other.close();
  });

  it('fail the task with StateMachineDoesNotExist for a machine the store does not hold', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const started = await runtime.startExecution(
      parentOf('arn:aws:states:us-east-1:123456789012:stateMachine:Missing'),
    );
    expect(await started.result()).toMatchObject({
      status: 'FAILED',
      error: 'StepFunctions.StateMachineDoesNotExistException',
    });
    await runtime.close();
  });
});

describe('nestedExecutionStarter', () => {
  const machine = 'arn:aws:states:us-east-1:123456789012:stateMachine:Charge';
  /** A store of executions and a start that writes to it, as the durable runtime's are. */
  function starter() {
    const rows = new Map<string, StoredExecution>();
    const starts: string[] = [];
    const start = nestedExecutionStarter({
      region: 'us-east-1',
      accountId: '123456789012',
      parentLetGo: () => false,
      machineOf: async (target) => {
        if (target !== machine) throw new DurableResourceNotFoundError('state machine', target);
        return machine;
      },
      find: async (arn) => rows.get(arn),
      start: async (_target, name, input) => {
        const row = executionRow(name, { input: JSON.stringify(input) });
        const arn = `arn:aws:states:us-east-1:123456789012:execution:Charge:${name}`;
        rows.set(arn, { ...row, executionArn: arn, stateMachineArn: machine });
        starts.push(name);
      },
      outcome: async () => ({ status: 'SUCCEEDED', output: null }),
      stop: async () => undefined,
      isLive: () => false,
      waiting: () => {},
    });
    return { start, starts, rows };
  }
  const request = (fields: Partial<ChildRequest>): ChildRequest => ({
    stateMachineArn: machine,
    name: undefined,
    input: { order: 7 },
    attemptKey: 'parent|:2|Run|0',
    startedBefore: undefined,
    scheduledBefore: undefined,
    signal: new AbortController().signal,
    ...fields,
  });

  it('names an unnamed child after the attempt, so running the attempt again finds it', async () => {
    const { start, starts } = starter();
    const first = await start(request({}));
    const again = await start(request({}));
    expect(again.executionArn).toBe(first.executionArn);
    expect(starts).toHaveLength(1);
    const retry = await start(request({ attemptKey: 'parent|:2|Run|1' }));
    expect(retry.executionArn).not.toBe(first.executionArn);
  });

  it('takes a named child with the same input as its own, and refuses one with another input', async () => {
    const { start, starts } = starter();
    await start(request({ name: 'order-7' }));
    expect((await start(request({ name: 'order-7' }))).name).toBe('order-7');
    expect(starts).toEqual(['order-7']);
    await expect(start(request({ name: 'order-7', input: { order: 8 } }))).rejects.toBeInstanceOf(
      ExecutionAlreadyExistsError,
    );
  });

  it('refuses a named child that has ended, unless the attempt was scheduled before it started', async () => {
    const { start, starts, rows } = starter();
    await start(request({ name: 'order-7' }));
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:Charge:order-7';
    const row = rows.get(arn) as StoredExecution;
    rows.set(arn, { ...row, startTime: 1_000, status: 'SUCCEEDED', stopTime: 1_500 });
    // A new attempt (or another parent) naming an execution that has ended: StartExecution refuses it.
    await expect(start(request({ name: 'order-7' }))).rejects.toBeInstanceOf(ExecutionAlreadyExistsError);
    await expect(start(request({ name: 'order-7', scheduledBefore: 1_001 }))).rejects.toBeInstanceOf(
      ExecutionAlreadyExistsError,
    );
    // An attempt resumed after a restart, scheduled before the child started: the child is its own.
    expect((await start(request({ name: 'order-7', scheduledBefore: 1_000 }))).executionArn).toBe(arn);
    expect(starts).toEqual(['order-7']);
  });

  it('takes an unnamed child that has ended, whatever its input: only its attempt names a child so', async () => {
    const { start, starts, rows } = starter();
    const first = await start(request({}));
    const row = rows.get(first.executionArn) as StoredExecution;
    rows.set(first.executionArn, { ...row, status: 'FAILED', stopTime: row.startTime + 1 });
    expect((await start(request({}))).executionArn).toBe(first.executionArn);
    // Its input worked out again may differ (a States.UUID() in it): still the attempt's child.
    expect((await start(request({ input: { order: 8 } }))).executionArn).toBe(first.executionArn);
    expect(starts).toHaveLength(1);
  });

  it('refuses a machine that does not exist as StateMachineDoesNotExist', async () => {
    const { start } = starter();
    await expect(start(request({ stateMachineArn: `${machine}-gone` }))).rejects.toBeInstanceOf(
      StateMachineDoesNotExistError,
    );
  });
});

describe('nested executions at the edges', () => {
  it('stops a child whose parent was stopped while the child was being started', async () => {
    // The read that follows the child's committed start is held until the parent has stopped.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    class HoldingStore extends InMemoryDurableStore {
      override async getExecution(arn: string) {
        const row = await super.getExecution(arn);
        if (row && arn.includes(':execution:Slow:') && !holding) {
          holding = true;
          await held;
        }
        return row;
      }
    }
    const store = new HoldingStore();
    const runtime = createDurableRuntime({ store, handlers: { [fn]: () => new Promise(() => {}) } });
    const child = await runtime.createStateMachine('Slow', {
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: fn, End: true } },
    });
    const parent = await runtime.startExecution(parentOf(child.stateMachineArn));
    await until(() => holding);
    await runtime.stopExecution(parent.executionArn, { error: 'Cancelled' });
    release();
    expect((await parent.result()).status).toBe('ABORTED');
    const childRow = async () =>
      (await store.listExecutions()).find((e) => e.stateMachineArn === child.stateMachineArn);
    await until(async () => (await childRow())?.status === 'ABORTED');
    expect((await childRow())?.status).toBe('ABORTED');
    await runtime.close();
  });

  it('fails the task with ExecutionAlreadyExists for the name of a child that has ended', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const child = await runtime.createStateMachine('Named', {
      StartAt: 'P',
      States: { P: { Type: 'Pass', End: true } },
    });
    const parent = {
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: child.stateMachineArn, Name: 'order-7', Input: { order: 7 } },
          End: true,
        },
      },
    };
    const first = await runtime.startExecution(parent);
    expect(await first.result()).toMatchObject({ status: 'SUCCEEDED', output: { Output: { order: 7 } } });
    // The same name and input again: AWS keeps a name for 90 days after its execution ends.
    const second = await runtime.startExecution(parent);
    expect(await second.result()).toMatchObject({
      status: 'FAILED',
      error: 'StepFunctions.ExecutionAlreadyExistsException',
    });
    await runtime.close();
  });

  it('lets a parent resumed before it recorded a named start take that child once it has ended', async () => {
    // The parent's TaskSubmitted never reaches the store, as when the process dies right after
    // the child's start is committed.
    class LosingSubmissions extends InMemoryDurableStore {
      losing = true;
      override commit(batch: CommitBatch) {
        const events = batch.events.filter((e) => !this.losing || e.type !== 'TaskSubmitted');
        return super.commit({ ...batch, events });
      }
    }
    const store = new LosingSubmissions();
    const box = tokenBox();
    const first = createDurableRuntime({ store, handlers: box.handlers });
    const child = await first.createStateMachine('Approve', approval);
    const parent = parentOf(child.stateMachineArn);
    Object.assign(parent.States.Run.Parameters, { Name: 'order-7' });
    const started = await first.startExecution(parent);
    await until(() => box.tokens.length === 1);
    await first.close();
    store.losing = false;

    const second = createDurableRuntime({ store, handlers: box.handlers });
    // The child ends before its parent resumes.
    await second.stopExecution('arn:aws:states:us-east-1:123456789012:execution:Approve:order-7');
    await second.recover();
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(await store.listExecutions()).toHaveLength(2);
    await second.close();
  });

  it('fails the task under AWS names for a name or an input StartExecution refuses, so a Catch matches', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    const child = await runtime.createStateMachine('Named', {
      StartAt: 'P',
      States: { P: { Type: 'Pass', End: true } },
    });
    const parent = (parameters: object) => ({
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: child.stateMachineArn, ...parameters },
          Catch: [{ ErrorEquals: ['StepFunctions.InvalidNameException'], Next: 'BadName' }],
          End: true,
        },
        BadName: { Type: 'Pass', Result: 'caught', End: true },
      },
    });
    const badName = await runtime.startExecution(parent({ Name: 'has space' }));
    expect(await badName.result()).toEqual({ status: 'SUCCEEDED', output: 'caught' });
    const tooLarge = await runtime.startExecution(parent({ Input: { big: 'x'.repeat(300_000) } }));
    expect(await tooLarge.result()).toMatchObject({
      status: 'FAILED',
      error: 'StepFunctions.InvalidExecutionInputException',
    });
    await runtime.close();
  });

  it('describe a .sync child redriven while its parent was down with its redrive count', async () => {
    const { store, box, runtime, child, started, childRow } = await parentAwaitingApproval();
    await until(async () => (await started.history()).some((e) => e.type === 'TaskSubmitted'));
    await runtime.close();
    const childArn = (await childRow())?.executionArn as string;
    const second = createDurableRuntime({ store, handlers: box.handlers });
    await second.stopExecution(childArn, { error: 'Oops' });
    const again = await second.redriveExecution(childArn);
    await until(() => box.tokens.length === 2);
    await second.sendTaskSuccess(box.tokens[1] as string, 'approved');
    expect(await again.result()).toMatchObject({ status: 'SUCCEEDED' });
    await second.recover();
    expect(await started.result()).toMatchObject({
      status: 'SUCCEEDED',
      output: { StateMachineArn: child.stateMachineArn, Status: 'SUCCEEDED', RedriveCount: 1 },
    });
    await second.close();
  });
});
