import { describe, expect, it } from 'vitest';
import type { ResultWriteRequest } from '../map/result-writer';
import { createDurableRuntime } from './durable-runtime';
import { distributedState, fn, oneTask } from './map-children.fixtures';
import { InMemoryDurableStore } from './memory-durable-store';
import { until } from './until.fixtures';

const never = () => new Promise<never>(() => {});

/** A distributed Map over `$.items` whose results are written, with `fields`, and no End. */
function writingMap(fields: Record<string, unknown>) {
  const { End: _, ...map } = distributedState(oneTask(fn('work')), {
    ItemsPath: '$.items',
    ResultWriter: {
      Resource: 'arn:aws:states:::s3:putObject',
      Parameters: { Bucket: 'out', Prefix: 'runs' },
    },
    ...fields,
  });
  return map;
}

/** A distributed Map whose results are written, its output kept under `$.written`, then a Task. */
const each = writingMap({ ResultPath: '$.written' });
const writtenThenHeld = {
  StartAt: 'Each',
  States: {
    Each: { ...each, Next: 'Hold' },
    Hold: { Type: 'Task', Resource: fn('hold'), End: true },
  },
};

/** The same with a Catch the Map does not need. */
const writtenWithCatch = {
  StartAt: 'Each',
  States: {
    Each: { ...each, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], Next: 'Hold' },
    Hold: { Type: 'Task', Resource: fn('hold'), End: true },
    Caught: { Type: 'Fail', Error: 'Caught' },
  },
};

/** A writer that numbers the manifests it writes. */
function manifests() {
  const requests: ResultWriteRequest[] = [];
  const resultWriter = (request: ResultWriteRequest) => {
    requests.push(request);
    return { Bucket: 'out', Key: `runs/manifest-${requests.length}.json` };
  };
  return { requests, resultWriter };
}

/** The same in JSONata: the writer's answer reaches the next state through a variable. */
const assignedThenHeld = {
  QueryLanguage: 'JSONata',
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      Items: '{% $states.input.items %}',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        ...oneTask(fn('work')),
      },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Arguments: { Bucket: 'out', Prefix: 'runs' },
      },
      Assign: { manifest: '{% $states.result.ResultWriterDetails.Key %}' },
      Output: '{% $states.input %}',
      Next: 'Hold',
    },
    Hold: { Type: 'Task', Resource: fn('hold'), Arguments: '{% $manifest %}', End: true },
  },
};

/**
 * Runs `definition` until its Hold task is called with the Map's exit committed, closes that
 * runtime, and resumes the execution in another on the same store, whose Hold answers with `hold`.
 */
async function restartedWhileHeld(definition: object, items: number[], hold: (input: unknown) => unknown) {
  const store = new InMemoryDurableStore();
  const writer = manifests();
  let held = 0;
  const work = (item: unknown) => (item as number) * 10;
  const first = createDurableRuntime({
    store,
    resultWriter: writer.resultWriter,
    handlers: {
      [fn('work')]: work,
      [fn('hold')]: () => {
        held++;
        return never();
      },
    },
  });
  const parent = await first.startExecution(definition, { name: 'p', input: { items } });
  const exited = async () =>
    (await store.listEvents(parent.executionArn)).some((e) => e.type === 'MapStateExited');
  await until(async () => held === 1 && (await exited()));
  await first.close();
  const writtenBefore = writer.requests.map((request) => request.succeeded);

  const second = createDurableRuntime({
    store,
    resultWriter: writer.resultWriter,
    handlers: { [fn('work')]: work, [fn('hold')]: hold },
  });
  await second.recover();
  return { parent, writer, writtenBefore, close: () => second.close() };
}

describe("a durable distributed Map's ResultWriter", () => {
  it.each([
    [
      'JSONPath, its output under ResultPath',
      writtenThenHeld,
      (input: unknown) =>
        (input as { written: { ResultWriterDetails: { Key: string } } }).written.ResultWriterDetails.Key,
    ],
    ['JSONata, its answer in a variable', assignedThenHeld, (input: unknown) => input],
    [
      'JSONPath, with a Catch it did not need',
      writtenWithCatch,
      (input: unknown) =>
        (input as { written: { ResultWriterDetails: { Key: string } } }).written.ResultWriterDetails.Key,
    ],
  ])(
    'is not called again when the execution is replayed after the Map has exited (%s)',
    async (_, definition, hold) => {
      const { parent, writer, writtenBefore, close } = await restartedWhileHeld(definition, [1, 2], hold);
      expect(writtenBefore).toEqual([[10, 20]]);
      // The replayed Map takes its recorded exit: the results are not written a second time, and the
      // states after it see the details the writer gave before the restart.
      expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: 'runs/manifest-1.json' });
      expect(writer.requests).toHaveLength(1);
      await close();
    },
  );

  it('is called again on replay when a Catch took the Map after it had written: that exit is not its own', async () => {
    const written = writingMap({
      // Fails once the results are written; the Catch takes the Map to another state.
      OutputPath: '$.nope',
      Catch: [{ ErrorEquals: ['States.Runtime'], ResultPath: '$.error', Next: 'Caught' }],
    });
    const definition = {
      StartAt: 'Each',
      States: {
        Each: { ...written, Next: 'After' },
        After: { Type: 'Pass', Result: 'after the Map', End: true },
        Caught: { Type: 'Task', Resource: fn('hold'), End: true },
      },
    };
    const { parent, close } = await restartedWhileHeld(definition, [1], () => 'caught');
    expect(await parent.result()).toEqual({ status: 'SUCCEEDED', output: 'caught' });
    await close();
  });

  it('is not called again for a Map with a Catch that ends a Parallel branch', async () => {
    const written = writingMap({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }] });
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'Each',
              States: {
                Each: { ...written, End: true },
                Caught: { Type: 'Pass', Result: 'caught', End: true },
              },
            },
            { StartAt: 'Hold', States: { Hold: { Type: 'Task', Resource: fn('hold'), End: true } } },
          ],
        },
      },
    };
    const { parent, writer, close } = await restartedWhileHeld(definition, [1], () => 'held');
    expect(await parent.result()).toMatchObject({ status: 'SUCCEEDED' });
    expect(writer.requests).toHaveLength(1);
    await close();
  });
});

describe('a durable distributed Map whose item reader or result writer takes long', () => {
  const slow = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 300));

  it('keeps the execution in memory while its item reader reads', async () => {
    const reader = 'arn:aws:states:::s3:getObject';
    let reads = 0;
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      unloadAfterMs: 20,
      handlers: { [fn('work')]: (item: unknown) => item },
      itemReaders: {
        [reader]: () => {
          reads++;
          return slow([1, 2]);
        },
      },
    });
    const map = distributedState(oneTask(fn('work')), {
      ItemReader: { Resource: reader, Parameters: { Bucket: 'in', Key: 'items.json' } },
    });
    const run = await runtime.startExecution({ StartAt: 'Each', States: { Each: map } });
    expect(await run.result()).toEqual({ status: 'SUCCEEDED', output: [1, 2] });
    expect(reads).toBe(1);
    await runtime.close();
  });

  it('keeps the execution in memory while its result writer writes', async () => {
    let writes = 0;
    const runtime = createDurableRuntime({
      store: new InMemoryDurableStore(),
      unloadAfterMs: 20,
      handlers: { [fn('work')]: (item: unknown) => item },
      resultWriter: () => {
        writes++;
        return slow({ Bucket: 'out', Key: 'runs/manifest.json' });
      },
    });
    const run = await runtime.startExecution(
      { StartAt: 'Each', States: { Each: { ...writingMap({}), End: true } } },
      { input: { items: [1, 2] } },
    );
    expect(await run.result()).toMatchObject({
      status: 'SUCCEEDED',
      output: { ResultWriterDetails: { Key: 'runs/manifest.json' } },
    });
    expect(writes).toBe(1);
    await runtime.close();
  });
});
