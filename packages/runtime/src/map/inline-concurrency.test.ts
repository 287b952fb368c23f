import { describe, expect, it } from 'vitest';
import { eventTypes, FN, specRuntime } from '../testing/spec-runtime';

const mapOf = (extra: object = {}) => ({
  StartAt: 'M',
  States: {
    M: {
      Type: 'Map',
      ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: FN, End: true } } },
      ...extra,
      End: true,
    },
  },
});

/** A handler that answers on the next turn and counts how many of its calls overlap. */
function overlapCounter() {
  const seen = { now: 0, most: 0 };
  const handler = async (input: unknown) => {
    seen.now++;
    seen.most = Math.max(seen.most, seen.now);
    await new Promise((resolve) => setImmediate(resolve));
    seen.now--;
    return input;
  };
  return { seen, handler };
}

describe('an inline Map’s concurrency', () => {
  it.each([{}, { MaxConcurrency: 0 }, { MaxConcurrency: 500 }])(
    'is 40 iterations at most, as on AWS (%j)',
    async (extra) => {
      const { seen, handler } = overlapCounter();
      const { runtime } = specRuntime({ handlers: { [FN]: handler } });
      const items = Array.from({ length: 100 }, (_, i) => i);
      expect(await runtime.execute(mapOf(extra), { input: items })).toEqual({
        status: 'SUCCEEDED',
        output: items,
      });
      expect(seen.most).toBe(40);
    },
  );

  it('follows a lower MaxConcurrency', async () => {
    const { seen, handler } = overlapCounter();
    const { runtime } = specRuntime({ handlers: { [FN]: handler } });
    await runtime.execute(mapOf({ MaxConcurrency: 3 }), { input: [1, 2, 3, 4, 5, 6, 7] });
    expect(seen.most).toBe(3);
  });

  it('fails with the first iteration’s error long before a large Map fills the history', async () => {
    const { runtime } = specRuntime({
      handlers: {
        [FN]: async () => {
          throw Object.assign(new Error('boom'), { name: 'Custom.Boom' });
        },
      },
    });
    const execution = runtime.startExecution(mapOf(), { input: Array.from({ length: 10_000 }, (_, i) => i) });
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'Custom.Boom' });
    expect(eventTypes(execution.history()).filter((type) => type === 'MapIterationStarted')).toHaveLength(40);
  });
});
