import { describe, expect, it } from 'vitest';
import { createRuntime } from '../engine/runtime';
import type { ResultWriteRequest } from '../map/result-writer';
import type { TaskContext } from '../tasks/task-handler';
import { createDurableRuntime } from './durable-runtime';
import { distributedState, fn, oneTask } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Parallel: one branch a distributed Map over $.items, the other a Task that fails once both children have started. */
function scenario(mapFields: object = {}) {
  const store = new InMemoryDurableStore();
  const state = { failing: true, calls: [] as unknown[], writes: [] as ResultWriteRequest[] };
  const { End: _e, ...map } = distributedState(oneTask(fn('work')), { ItemsPath: '$.items', ...mapFields });
  const definition = {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        End: true,
        Branches: [
          { StartAt: 'M', States: { M: { ...map, End: true } } },
          { StartAt: 'Boom', States: { Boom: { Type: 'Task', Resource: fn('boom'), End: true } } },
        ],
      },
    },
  };
  const runtime = createDurableRuntime({
    store,
    resultWriter: (request: ResultWriteRequest) => {
      state.writes.push(request);
      return { Key: 'manifest.json' };
    },
    handlers: {
      [fn('work')]: async (item: unknown, context: TaskContext) => {
        state.calls.push(item);
        if (!state.failing) return item;
        await new Promise((res) => context.signal.addEventListener('abort', res));
        return 'cut short';
      },
      [fn('boom')]: async () => {
        if (!state.failing) return 'ok';
        await until(() => state.calls.length === 2);
        await sleep(20);
        throw Object.assign(new Error('b'), { name: 'Boom' });
      },
    },
  });
  return { store, state, definition, runtime };
}

describe('a distributed Map in a Parallel branch that a sibling failure cuts short', () => {
  it('is redriven with its aborted children run again, not replayed as a success of nulls', async () => {
    const { state, definition, runtime } = scenario();
    const parent = await runtime.startExecution(definition, { name: 'p', input: { items: [1, 2] } });
    expect(await parent.result()).toMatchObject({ status: 'FAILED', error: 'Boom' });

    state.failing = false;
    state.calls.length = 0;
    const again = await runtime.redriveExecution(parent.executionArn);
    expect(await again.result()).toEqual({ status: 'SUCCEEDED', output: [[1, 2], 'ok'] });
    expect(state.calls.sort()).toEqual([1, 2]);
    await runtime.close();
  });

  it('records no Map Run success and writes no results', async () => {
    const { state, definition, runtime } = scenario({
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b' } },
    });
    const parent = await runtime.startExecution(definition, { name: 'p', input: { items: [1, 2] } });
    expect(await parent.result()).toMatchObject({ status: 'FAILED', error: 'Boom' });
    await sleep(30);
    const types = (await parent.history()).map((e) => e.type);
    expect(types).not.toContain('MapRunSucceeded');
    expect(state.writes).toEqual([]);
    await runtime.close();
  });
});

describe('an inline Map in a Parallel branch that a sibling failure cuts short', () => {
  it('records that its iterations were aborted, and neither its success nor its exit', async () => {
    let started = 0;
    const runtime = createRuntime({
      handlers: {
        [fn('work')]: async (_item: unknown, context: TaskContext) => {
          started++;
          await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
          return 'cut short';
        },
        [fn('boom')]: async () => {
          await until(() => started === 2);
          throw Object.assign(new Error('b'), { name: 'Boom' });
        },
      },
    });
    const inline = {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: fn('work'), End: true } } },
      End: true,
    };
    const execution = runtime.startExecution(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            End: true,
            Branches: [
              { StartAt: 'M', States: { M: inline } },
              { StartAt: 'Boom', States: { Boom: { Type: 'Task', Resource: fn('boom'), End: true } } },
            ],
          },
        },
      },
      { input: { items: [1, 2] } },
    );
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'Boom' });
    const types = (await execution.history()).map((e) => e.type);
    expect(types.filter((type) => type === 'MapIterationAborted')).toHaveLength(2);
    expect(types).not.toContain('MapStateSucceeded');
    expect(types.filter((type) => type === 'MapStateExited')).toHaveLength(0);
  });
});
