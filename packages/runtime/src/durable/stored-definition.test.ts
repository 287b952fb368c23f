import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from './durable-runtime';
import { InMemoryDurableStore } from './memory-durable-store';
import { StoreCorruptionError } from './store-errors';
import { until } from './until.fixtures';

const first = 'arn:aws:lambda:us-east-1:123456789012:function:first';
const second = 'arn:aws:lambda:us-east-1:123456789012:function:second';
const chain = (comment: string) => ({
  Comment: comment,
  StartAt: 'T',
  States: {
    T: { Type: 'Task', Resource: first, Next: 'U' },
    U: { Type: 'Task', Resource: second, End: true },
  },
});

/** A store whose definition rows were changed by hand: `damaged` maps an id to its new text. */
class DamagedDefinitions extends InMemoryDurableStore {
  readonly damaged = new Map<string, string | undefined>();
  override async getDefinition(definitionId: string): Promise<string | undefined> {
    return this.damaged.has(definitionId)
      ? this.damaged.get(definitionId)
      : super.getDefinition(definitionId);
  }
}

/** Executions a, b and c waiting in their second task when the process went down; b's definition is its own. */
async function leftRunning(store: DamagedDefinitions) {
  const down = createDurableRuntime({
    store,
    handlers: { [first]: async () => ({ got: 1 }), [second]: () => new Promise(() => {}) },
  });
  const started = [];
  for (const name of ['a', 'b', 'c'])
    started.push(await down.startExecution(chain(name === 'b' ? 'B' : 'shared'), { name }));
  for (const run of started) {
    await until(
      async () => (await run.history()).filter((e) => e.type === 'LambdaFunctionScheduled').length === 2,
    );
  }
  await down.close();
  const [a, b, c] = started.map((run) => run.executionArn);
  return { a, b, c, definitionOfB: (await store.getExecution(b as string))?.definitionId as string };
}

describe("a stored execution's definition changed in the store", () => {
  for (const [what, text] of [
    ['JSON but no state machine', '{}'],
    ['a state machine whose start state is gone', '{"StartAt":"Gone","States":{}}'],
    ['missing', undefined],
  ] as const) {
    it(`fails that execution's resume as corruption naming it, and resumes the others: ${what}`, async () => {
      const store = new DamagedDefinitions();
      const { a, b, c, definitionOfB } = await leftRunning(store);
      store.damaged.set(definitionOfB, text);
      const runtime = createDurableRuntime({
        store,
        handlers: { [first]: async (input) => input, [second]: async () => 'done' },
      });
      const failed = await runtime.recover().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(StoreCorruptionError);
      expect((failed as Error).message).toContain(`execution ${b}: its definition ${definitionOfB}`);
      for (const arn of [a, c]) {
        await until(async () => (await store.getExecution(arn as string))?.status !== 'RUNNING');
        expect((await store.getExecution(arn as string))?.status).toBe('SUCCEEDED');
      }
      expect((await store.getExecution(b as string))?.status).toBe('RUNNING');
      await runtime.close();
    });
  }
});
