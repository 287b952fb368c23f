import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import type { AppliedTaskSignals } from './applied-signals';
import { approval, notify, tokenBox } from './contract/callback-workflow';
import { createDurableRuntime } from './durable-runtime';
import type { ClaimedRun, ClaimRequest, CommitBatch, CommitResult } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';
import type { StoredTaskToken } from './stored-tasks';
import { until } from './until.fixtures';

const nap = (seconds: number) => ({
  StartAt: 'Nap',
  States: {
    Nap: { Type: 'Wait', Seconds: seconds, Next: 'Done' },
    Done: { Type: 'Pass', Result: 'rested', End: true },
  },
});

/** Wakes at an instant: every execution started with it falls due together. */
const alarm = (due: number) => ({
  StartAt: 'Nap',
  States: { Nap: { Type: 'Wait', Timestamp: new Date(due).toISOString(), End: true } },
});

/**
 * Answers on a later turn of the event loop, as a store across a thread or a socket does; records
 * the commits that end executions and the rows each wake claims, and can fail reads of definitions.
 */
class DistantStore extends InMemoryDurableStore {
  readonly ends: number[] = [];
  readonly woken: number[] = [];
  /** How many executions each read of task signals asked about. */
  readonly signalReads: number[] = [];
  failDefinitionReads = 0;
  /** Unloads and reads of executions fail while this lasts, as when the store goes away. */
  failUnloads = 0;
  /** Unloads are stored, then their answers lost, while this lasts. */
  loseUnloadAnswers = 0;
  clearTimersDelayMs = 0;
  /** The most resumes at once, as told by their calls to clear timer rows still waiting for an answer. */
  mostClearingAtOnce = 0;
  private clearing = 0;

  constructor(override readonly shared: boolean = false) {
    super();
  }
  override async clearTimers(arn: string): Promise<void> {
    this.mostClearingAtOnce = Math.max(this.mostClearingAtOnce, ++this.clearing);
    try {
      await new Promise((resolve) => setTimeout(resolve, this.clearTimersDelayMs));
      return await super.clearTimers(arn);
    } finally {
      this.clearing--;
    }
  }
  override async getDefinition(definitionId: string): Promise<string | undefined> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failDefinitionReads > 0) {
      this.failDefinitionReads--;
      throw new Error('the store could not be reached');
    }
    return super.getDefinition(definitionId);
  }
  override async unload(
    owner: string,
    arn: string,
    wakeAt: number,
    applied: readonly AppliedTaskSignals[],
  ): Promise<boolean> {
    if (this.failUnloads > 0) {
      this.failUnloads--;
      throw new Error('the store could not be reached');
    }
    const unloaded = await super.unload(owner, arn, wakeAt, applied);
    if (this.loseUnloadAnswers > 0) {
      this.loseUnloadAnswers--;
      throw new Error('the connection dropped before the answer came');
    }
    return unloaded;
  }
  override async getExecution(arn: string) {
    if (this.failUnloads > 0) {
      this.failUnloads--;
      throw new Error('the store could not be reached');
    }
    return super.getExecution(arn);
  }
  override async claim(request: ClaimRequest): Promise<ClaimedRun[]> {
    const rows = await super.claim(request);
    if (request.wokenOnly && rows.length > 0) this.woken.push(rows.length);
    return rows;
  }
  override taskSignals(executionArns: readonly string[]): Promise<StoredTaskToken[]> {
    this.signalReads.push(executionArns.length);
    return super.taskSignals(executionArns);
  }
  override commit(batch: CommitBatch): Promise<CommitResult> {
    const ended = batch.events.filter((e) => e.type === 'ExecutionSucceeded').length;
    if (ended > 0) this.ends.push(ended);
    return super.commit(batch);
  }
}

/** `count` executions that leave memory, all falling due `inMs` from now; resolves once they have left. */
async function unloadedAlarms(store: DistantStore, count: number, inMs: number) {
  const runtime = createDurableRuntime({ store, unloadAfterMs: 50 });
  const due = Date.now() + inMs;
  const started = await Promise.all(Array.from({ length: count }, () => runtime.startExecution(alarm(due))));
  await until(() => runtime.running === 0);
  return { runtime, due, started };
}

describe('executions that only wait leave memory', () => {
  it('unloads a Wait and replays it when due, recording every event once', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, unloadAfterMs: 50 });
    const started = await runtime.startExecution(nap(1), { name: 'nap' });
    await until(() => runtime.running === 0);
    expect(runtime.running).toBe(0);
    expect(await store.nextWake()).toBeGreaterThan(Date.now());
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'rested' });
    expect((await started.history()).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    await runtime.close();
  });

  it("wakes an execution waiting past AWS's one-year limit at the limit, and times it out then", async () => {
    const start = Date.parse('2024-01-01T00:00:00Z');
    const year = 365 * 86_400_000;
    const clock = createVirtualClock({ start, autoAdvance: false });
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, clock, unloadAfterMs: 100 });
    const started = await runtime.startExecution(alarm(Date.parse('2029-01-01T00:00:00Z')), { name: 'far' });
    clock.advance(200);
    await until(() => runtime.running === 0);
    expect(await store.nextWake()).toBe(start + year);
    clock.advance(year);
    expect(await started.result()).toMatchObject({ status: 'TIMED_OUT' });
    await runtime.close();
  });

  it('keeps an execution whose next timer is near, and one whose task handler runs', async () => {
    let release: (value: unknown) => void = () => {};
    const slow = 'arn:aws:lambda:us-east-1:123456789012:function:slow';
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      unloadAfterMs: 600,
      handlers: { [slow]: () => new Promise((resolve) => (release = resolve)) },
    });
    const napping = await runtime.startExecution(nap(1));
    const busy = await runtime.startExecution({
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: slow, End: true } },
    });
    // Idle long enough, but due in less than 600 ms: the Wait stays, as does the running task.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(runtime.running).toBe(2);
    release('worked');
    expect(await busy.result()).toEqual({ status: 'SUCCEEDED', output: 'worked' });
    expect(await napping.result()).toEqual({ status: 'SUCCEEDED', output: 'rested' });
    await runtime.close();
  });

  it('wakes an execution waiting on a callback when the answer arrives', async () => {
    const { tokens, handlers } = tokenBox();
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), unloadAfterMs: 50, handlers });
    const started = await runtime.startExecution(approval);
    await until(() => tokens.length === 1 && runtime.running === 0);
    expect(runtime.running).toBe(0);
    await runtime.sendTaskSuccess(tokens[0] as string, { approved: true });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    await runtime.close();
  });

  it('applies an answer that came while it was away once its replay reaches the task, after a Wait', async () => {
    const { tokens, handlers } = tokenBox();
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), unloadAfterMs: 40, handlers });
    const started = await runtime.startExecution({
      StartAt: 'Nap',
      States: { Nap: { Type: 'Wait', Seconds: 1, Next: 'Ask' }, Ask: approval.States.Ask },
    });
    await until(() => tokens.length === 1);
    await until(() => runtime.running === 0);
    expect(runtime.running).toBe(0);
    // It wakes here, and replays the Wait before its task waits on the token again.
    await runtime.sendTaskSuccess(tokens[0] as string, { approved: true });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    await runtime.close();
  });

  it('times a callback task out by its last heartbeat, however often the execution wakes meanwhile', async () => {
    const { tokens, handlers } = tokenBox();
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), unloadAfterMs: 40, handlers });
    const nap = (next?: string) => ({ Type: 'Wait', Seconds: 1, ...(next ? { Next: next } : { End: true }) });
    const started = await runtime.startExecution({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Ask', States: { Ask: { ...approval.States.Ask, HeartbeatSeconds: 2 } } },
            // Wakes the execution every second: each wake must not count the heartbeat again.
            { StartAt: 'N1', States: { N1: nap('N2'), N2: nap('N3'), N3: nap('N4'), N4: nap() } },
          ],
        },
      },
    });
    await until(() => tokens.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await runtime.sendTaskHeartbeat(tokens[0] as string);
    const beaten = Date.now();
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    expect(Date.now() - beaten).toBeLessThan(3_000);
    await runtime.close();
  });

  it('keeps an execution in memory while its callback task is still sending its token out', async () => {
    let calls = 0;
    const tokens: string[] = [];
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      unloadAfterMs: 50,
      handlers: {
        [notify]: async (input: unknown) => {
          calls++;
          // Far longer than the execution may idle: the call is work in flight, not waiting.
          await new Promise((resolve) => setTimeout(resolve, 400));
          tokens.push((input as { token: string }).token);
          return { sent: true };
        },
      },
    });
    const started = await runtime.startExecution(approval);
    await until(() => tokens.length === 1);
    // Submitted: now it only waits on its token, and leaves memory.
    await until(() => runtime.running === 0);
    expect(runtime.running).toBe(0);
    await runtime.sendTaskSuccess(tokens[0] as string, { approved: true });
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    expect(calls).toBe(1);
    const types = (await started.history()).map((event) => event.type);
    expect(types.filter((type) => type === 'TaskSubmitted')).toHaveLength(1);
    await runtime.close();
  });

  it('records the failure of a callback task whose call fails after the execution could have left memory', async () => {
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      unloadAfterMs: 50,
      handlers: {
        [notify]: async () => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          throw new Error('mail server down');
        },
      },
    });
    const started = await runtime.startExecution(approval);
    expect(await started.result()).toMatchObject({
      status: 'FAILED',
      error: 'Error',
      cause: expect.stringContaining('mail server down'),
    });
    await runtime.close();
  });

  it('wakes an execution waiting on an activity when a worker takes its task', async () => {
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), unloadAfterMs: 50 });
    const { activityArn } = await runtime.createActivity({ name: 'later' });
    const started = await runtime.startExecution({
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: activityArn, End: true } },
    });
    await until(() => runtime.running === 0);
    const task = await runtime.getActivityTask(activityArn, { workerName: 'late-worker' });
    await until(() => runtime.running === 1);
    expect(runtime.running).toBe(1);
    await runtime.sendTaskSuccess(task?.taskToken as string, 'done');
    expect(await started.result()).toEqual({ status: 'SUCCEEDED', output: 'done' });
    const history = await started.history();
    expect(history.filter((e) => e.type === 'ActivityStarted')).toHaveLength(1);
    await runtime.close();
  });

  it('resumes the executions that fall due together at once, so their ends share commits', async () => {
    const store = new DistantStore();
    const { runtime, due, started } = await unloadedAlarms(store, 40, 1000);
    // All of them left memory before they fell due, so it is the wake that runs them.
    expect(runtime.running).toBe(0);
    expect(await store.nextWake()).toBe(due);
    for (const execution of started) expect((await execution.result()).status).toBe('SUCCEEDED');
    expect(store.woken.reduce((sum, n) => sum + n, 0)).toBe(40);
    // Every execution of a claimed batch is resumed at once. One at a time, each resume waited for
    // its own trip to the store before the next began.
    expect(store.mostClearingAtOnce).toBe(Math.max(...store.woken));
    // So their ends share commits, and the signals of their tasks are read together.
    expect(store.ends.reduce((sum, n) => sum + n, 0)).toBe(40);
    expect(store.ends.length).toBeLessThan(10);
    expect(store.signalReads.length).toBeLessThan(10);
    await runtime.close();
  });

  it('hands back an execution whose resume failed, and runs it a second later', async () => {
    const store = new DistantStore();
    const { runtime, started } = await unloadedAlarms(store, 5, 800);
    expect(runtime.running).toBe(0);
    // The woken executions share one read of their definition: it fails, so every resume does.
    store.failDefinitionReads = 1;
    for (const execution of started) expect((await execution.result()).status).toBe('SUCCEEDED');
    expect(store.failDefinitionReads).toBe(0);
    await runtime.close();
  });

  it('runs on an execution whose unload failed with the store, and the read after it too', async () => {
    const store = new DistantStore();
    const runtime = createDurableRuntime({ store, unloadAfterMs: 50 });
    const started = await runtime.startExecution(nap(1));
    await until(() => store.failUnloads === 0 && runtime.running === 1);
    // The unload and the read that checks whether it happened both fail: the execution was let go.
    store.failUnloads = 2;
    await until(() => store.failUnloads === 0);
    expect((await started.result()).status).toBe('SUCCEEDED');
    await runtime.close();
  });

  it('wakes, on a shared store with no worker, an execution whose unload was stored but not answered', async () => {
    const store = new DistantStore(true);
    store.loseUnloadAnswers = 1;
    const runtime = createDurableRuntime({ store, unloadAfterMs: 50 });
    const started = await runtime.startExecution(nap(1));
    await until(() => store.loseUnloadAnswers === 0);
    expect(store.loseUnloadAnswers).toBe(0);
    expect((await started.result()).status).toBe('SUCCEEDED');
    await runtime.close();
  });

  it('gives back the lease of an execution whose resume failed, with a shared store', async () => {
    const store = new DistantStore(true);
    const { runtime, started } = await unloadedAlarms(store, 1, 800);
    const arn = (started[0] as { executionArn: string }).executionArn;
    store.failDefinitionReads = 1;
    await until(
      async () => store.failDefinitionReads === 0 && (await store.getExecution(arn))?.owner === undefined,
    );
    const row = await store.getExecution(arn);
    expect([row?.status, row?.owner]).toEqual(['RUNNING', undefined]);
    expect(runtime.running).toBe(0);
    await runtime.close();
  });

  it('runs none of the executions it was resuming once closed, and gives back their leases', async () => {
    const store = new DistantStore(true);
    store.clearTimersDelayMs = 30;
    const { runtime, started } = await unloadedAlarms(store, 10, 800);
    await until(() => store.woken.length > 0, 2000);
    await runtime.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runtime.running).toBe(0);
    const rows = await Promise.all(started.map((e) => store.getExecution(e.executionArn)));
    expect(rows.map((row) => [row?.status, row?.owner])).toEqual(started.map(() => ['RUNNING', undefined]));
  });
});
