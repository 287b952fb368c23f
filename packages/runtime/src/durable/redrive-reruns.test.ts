import { describe, expect, it } from 'vitest';
import { RuntimeClosedError, TaskFailedError } from '../errors/runtime-errors';
import { createDurableRuntime } from './durable-runtime';
import type { StoredExecution } from './durable-store';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const ENDS = /^Execution(Failed|Aborted|Succeeded|TimedOut)$/;

/** Handlers that fail while `broken` is set, and note each call. */
function fixable(...names: string[]) {
  const state = { broken: true, calls: [] as string[] };
  const handlers = Object.fromEntries(
    names.map((name) => [
      fn(name),
      () => {
        state.calls.push(name);
        if (state.broken) throw new TaskFailedError(`${name}Broke`, name);
        return `${name}-ok`;
      },
    ]),
  );
  return { state, handlers };
}

describe('redriveExecution reruns only what was entered and never exited, as AWS does', () => {
  it('leaves a Parallel branch failure that the Parallel caught as it was', async () => {
    const { state, handlers } = fixable('branch', 'handle');
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore(), handlers });
    const branch = { StartAt: 'B', States: { B: { Type: 'Task', Resource: fn('branch'), End: true } } };
    const caught = {
      StartAt: 'Par',
      States: {
        Par: {
          Type: 'Parallel',
          Branches: [branch],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }],
          Next: 'Done',
        },
        Handle: { Type: 'Task', Resource: fn('handle'), End: true },
        Done: { Type: 'Succeed' },
      },
    };
    const started = await runtime.startExecution(caught, { name: 'caught' });
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'handleBroke' });
    state.broken = false;
    state.calls.length = 0;
    const redriven = await runtime.redriveExecution(started.executionArn);
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: 'handle-ok' });
    expect(state.calls).toEqual(['handle']);
    await runtime.close();
  });

  it('leaves a Map iteration whose failure the Map tolerated as it was', async () => {
    const { state, handlers } = fixable('after');
    const item = (input: unknown) => {
      state.calls.push(`item ${input}`);
      if (input === 2) throw new TaskFailedError('ItemBroke', 'item 2 always fails');
      return input;
    };
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: { ...handlers, [fn('item')]: item },
    });
    const tolerant = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ToleratedFailurePercentage: 50,
          MaxConcurrency: 1,
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Task', Resource: fn('item'), End: true } } },
          Next: 'After',
        },
        After: { Type: 'Task', Resource: fn('after'), End: true },
      },
    };
    const started = await runtime.startExecution(tolerant, { name: 'tolerated', input: [1, 2] });
    expect(await started.result()).toMatchObject({ status: 'FAILED', error: 'afterBroke' });
    expect(state.calls).toEqual(['item 1', 'item 2', 'after']);
    state.broken = false;
    state.calls.length = 0;
    const redriven = await runtime.redriveExecution(started.executionArn);
    expect(await redriven.result()).toEqual({ status: 'SUCCEEDED', output: 'after-ok' });
    expect(state.calls).toEqual(['after']);
    await runtime.close();
  });

  it('records the end of a run that ends where an earlier run ended: one end a run', async () => {
    let calls = 0;
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      handlers: {
        [fn('t')]: () => {
          calls++;
          if (calls === 2) return new Promise(() => {});
          return Promise.reject(new TaskFailedError('Bad', `call ${calls}`));
        },
      },
    });
    const oneTask = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('t'), End: true } } };
    const started = await runtime.startExecution(oneTask, { name: 'third' });
    expect((await started.result()).status).toBe('FAILED');
    await runtime.redriveExecution(started.executionArn);
    await until(() => calls === 2);
    await runtime.stopExecution(started.executionArn);
    const third = await runtime.redriveExecution(started.executionArn);
    expect(await third.result()).toMatchObject({ status: 'FAILED', cause: 'call 3' });
    expect((await runtime.describeExecution(started.executionArn))?.status).toBe('FAILED');
    const history = await runtime.getExecutionHistory(started.executionArn);
    expect(history.filter((e) => ENDS.test(e.type)).map((e) => e.type)).toEqual([
      'ExecutionFailed',
      'ExecutionAborted',
      'ExecutionFailed',
    ]);
    await runtime.close();
  });
});

/** A store whose second redrive answers late, as a slow database or another process would. */
class SlowSecondRedrive extends InMemoryDurableStore {
  calls = 0;
  override async redrive(arn: string, owner: string, leaseMs: number, now: number) {
    this.calls++;
    if (this.calls === 2) await new Promise((resolve) => setTimeout(resolve, 200));
    return super.redrive(arn, owner, leaseMs, now) as Promise<StoredExecution | undefined>;
  }
}

describe('redriveExecution and what happens around it', () => {
  const failing = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('bad'), End: true } } };
  const alwaysFails = { [fn('bad')]: () => Promise.reject(new TaskFailedError('Bad', 'bad')) };

  it('changes nothing in the store on a closed runtime, and says it is closed', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store, handlers: alwaysFails });
    const started = await runtime.startExecution(failing, { name: 'closed' });
    await started.result();
    await runtime.close();
    await expect(runtime.redriveExecution(started.executionArn)).rejects.toBeInstanceOf(RuntimeClosedError);
    expect(await store.getExecution(started.executionArn)).toMatchObject({
      status: 'FAILED',
      redriveCount: 0,
    });
  });

  it('redrives again after another redrive ran meanwhile, with the history whole', async () => {
    const store = new SlowSecondRedrive();
    const runtime = createDurableRuntime({ store, handlers: alwaysFails });
    const started = await runtime.startExecution(failing, { name: 'twice' });
    await started.result();
    const [first, second] = await Promise.all([
      runtime.redriveExecution(started.executionArn),
      runtime.redriveExecution(started.executionArn),
    ]);
    expect((await first.result()).status).toBe('FAILED');
    expect((await second.result()).status).toBe('FAILED');
    const row = await store.getExecution(started.executionArn);
    const history = await store.listEvents(started.executionArn);
    expect(row).toMatchObject({ status: 'FAILED', redriveCount: 2 });
    expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
    expect(history.filter((e) => e.type === 'ExecutionRedriven')).toHaveLength(2);
    await runtime.close();
  });
});
