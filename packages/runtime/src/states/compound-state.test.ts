import { describe, expect, it } from 'vitest';
import { StatesError } from '../errors/runtime-errors';
import { FN, specRuntime } from '../testing/spec-runtime';

const failing = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: FN, End: true } } };

const compound = {
  Parallel: { Type: 'Parallel', Branches: [failing] },
  Map: { Type: 'Map', ItemProcessor: failing, ItemsPath: '$.items' },
} as const;

describe.each(['Parallel', 'Map'] as const)('a %s state', (kind) => {
  const definition = (retry: boolean) => ({
    StartAt: 'Compound',
    States: {
      Compound: {
        ...compound[kind],
        ...(retry
          ? { Retry: [{ ErrorEquals: ['Custom.Failure'], MaxAttempts: 1, IntervalSeconds: 1 }] }
          : {}),
        Catch: [{ ErrorEquals: ['Custom.Failure'], ResultPath: '$.caught', Next: 'Caught' }],
        End: true,
      },
      Caught: { Type: 'Pass', End: true },
    },
  });

  it(`records ${kind}StateFailed once, after its retries, before the catcher takes over`, async () => {
    const { runtime } = specRuntime({
      handlers: {
        [FN]: () => {
          throw new StatesError('Custom.Failure', 'no');
        },
      },
    });
    const execution = runtime.startExecution(definition(true), { input: { items: [1] } });
    const result = await execution.result();
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { caught: { Error: 'Custom.Failure' } } });
    const types = execution.history().map((event) => event.type);
    expect(types.filter((type) => type === `${kind}StateFailed`)).toHaveLength(1);
    expect(types.filter((type) => type === `${kind}StateEntered`)).toHaveLength(1);
    expect(types.indexOf(`${kind}StateFailed`)).toBeLessThan(types.indexOf('PassStateEntered'));
  });

  it('passes its result through ResultPath when it succeeds', async () => {
    const { runtime } = specRuntime({ handlers: { [FN]: () => 'done' } });
    const result = await runtime
      .startExecution(
        {
          StartAt: 'Compound',
          States: { Compound: { ...compound[kind], ResultPath: '$.results', End: true } },
        },
        { input: { items: [1] } },
      )
      .result();
    expect(result).toEqual({ status: 'SUCCEEDED', output: { items: [1], results: ['done'] } });
  });
});
