import { describe, expect, it } from 'vitest';
import { detailsOf, eventTypes, specRuntime } from '../testing/spec-runtime';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Map state (inline)', () => {
  it('runs the item processor per item and outputs the results in item order', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemsPath: '$.items',
            ItemSelector: {
              'value.$': '$$.Map.Item.Value',
              'index.$': '$$.Map.Item.Index',
              'tag.$': '$.tag',
            },
            ItemProcessor: {
              StartAt: 'Wait',
              States: { Wait: { Type: 'Wait', SecondsPath: '$.value', End: true } },
            },
            End: true,
          },
        },
      },
      { input: { items: [3, 1, 2], tag: 't' } },
    );
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: [
        { value: 3, index: 0, tag: 't' },
        { value: 1, index: 1, tag: 't' },
        { value: 2, index: 2, tag: 't' },
      ],
    });
  });

  it('fails with States.Runtime when ItemsPath does not point at an array', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemsPath: '$.items',
            ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
            End: true,
          },
        },
      },
      { input: { items: 'nope' } },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('fails with the failing iteration’s own error and aborts the iterations still running', async () => {
    const { runtime, clock } = specRuntime();
    const execution = runtime.startExecution(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'Kind',
              States: {
                Kind: {
                  Type: 'Choice',
                  Choices: [{ Variable: '$', StringEquals: 'bad', Next: 'Bad' }],
                  Default: 'Slow',
                },
                Slow: { Type: 'Wait', Seconds: 60, End: true },
                Bad: { Type: 'Fail', Error: 'Item.Bad', Cause: 'bad item' },
              },
            },
            End: true,
          },
        },
      },
      { input: ['slow', 'bad', 'slow'] },
    );
    expect(await execution.result()).toEqual({ status: 'FAILED', error: 'Item.Bad', cause: 'bad item' });
    await settle();
    expect(clock.now()).toBe(Date.parse('2024-01-01T00:00:00Z'));
    const history = execution.history();
    const types = eventTypes(history);
    expect(types.filter((t) => t === 'MapIterationFailed')).toHaveLength(1);
    expect(types.filter((t) => t === 'MapIterationAborted')).toHaveLength(2);
    expect(types).not.toContain('WaitStateExited');
    expect(types.slice(-2)).toEqual(['MapStateFailed', 'ExecutionFailed']);
    const aborted = history.filter((e) => e.type === 'MapIterationAborted').map((e) => detailsOf(e).index);
    expect(aborted.sort()).toEqual([0, 2]);
  });

  it('runs at most MaxConcurrency iterations at a time', async () => {
    let running = 0;
    let peak = 0;
    const { runtime, clock } = specRuntime({
      handlers: {
        'arn:aws:lambda:us-east-1:123456789012:function:slow': async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 1));
          running--;
          return null;
        },
      },
    });
    await runtime.execute(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            MaxConcurrency: 2,
            ItemProcessor: {
              StartAt: 'T',
              States: {
                T: {
                  Type: 'Task',
                  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:slow',
                  End: true,
                },
              },
            },
            End: true,
          },
        },
      },
      { input: [1, 2, 3, 4, 5] },
    );
    expect(peak).toBe(2);
    expect(clock.now()).toBe(Date.parse('2024-01-01T00:00:00Z'));
  });

  it('keeps variables assigned in an iteration inside it, and lets ItemSelector read outer ones', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Init',
        States: {
          Init: { Type: 'Pass', Assign: { prefix: 'item-' }, Next: 'Each' },
          Each: {
            Type: 'Map',
            ItemsPath: '$.list',
            ItemSelector: { 'name.$': "States.Format('{}{}', $prefix, $$.Map.Item.Value)" },
            ItemProcessor: {
              StartAt: 'Set',
              States: { Set: { Type: 'Pass', Assign: { prefix: 'changed' }, End: true } },
            },
            ResultPath: '$.names',
            Next: 'After',
          },
          After: { Type: 'Pass', Parameters: { 'names.$': '$.names', 'prefix.$': '$prefix' }, End: true },
        },
      },
      { input: { list: ['a', 'b'] } },
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { names: [{ name: 'item-a' }, { name: 'item-b' }], prefix: 'item-' },
    });
  });
});
