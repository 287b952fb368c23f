import { describe, expect, it } from 'vitest';
import { detailsOf, specRuntime } from '../testing/spec-runtime';

describe('Pass state', () => {
  it('passes its input through unchanged when it has no fields', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      { input: { a: 1 } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { a: 1 } });
  });

  it('places a fixed Result at ResultPath without changing the rest of the input', async () => {
    const { runtime } = specRuntime();
    const input = { keep: true, nested: { x: 1 } };
    const result = await runtime.execute(
      {
        StartAt: 'P',
        States: { P: { Type: 'Pass', Result: { y: 2 }, ResultPath: '$.nested.added', End: true } },
      },
      { input },
    );
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { keep: true, nested: { x: 1, added: { y: 2 } } },
    });
    expect(input).toEqual({ keep: true, nested: { x: 1 } });
  });

  it('discards its result with ResultPath null and filters with OutputPath', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'P',
        States: { P: { Type: 'Pass', Result: 'ignored', ResultPath: null, OutputPath: '$.a', End: true } },
      },
      { input: { a: [1, 2] } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: [1, 2] });
  });

  it('evaluates JSONata Output against $states.input', async () => {
    const { runtime } = specRuntime();
    const result = await runtime.execute(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'P',
        States: { P: { Type: 'Pass', Output: { total: '{% $sum($states.input.n) %}' }, End: true } },
      },
      { input: { n: [1, 2, 3] } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { total: 6 } });
  });

  it('records entered and exited events with the payloads as JSON text', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution(
      { StartAt: 'P', States: { P: { Type: 'Pass', Result: { r: 1 }, End: true } } },
      { input: { i: 'x' } },
    );
    await execution.result();
    const [, entered, exited] = execution.history();
    expect(detailsOf(entered)).toEqual({ name: 'P', input: '{"i":"x"}', inputDetails: { truncated: false } });
    expect(detailsOf(exited)).toEqual({ name: 'P', output: '{"r":1}', outputDetails: { truncated: false } });
  });

  it('records the variables it assigns on its exited event', async () => {
    const { runtime } = specRuntime();
    const execution = runtime.startExecution({
      StartAt: 'P',
      States: { P: { Type: 'Pass', Assign: { count: 1, label: 'a' }, End: true } },
    });
    await execution.result();
    const exited = execution.history()[2];
    expect(detailsOf(exited).assignedVariables).toEqual({ count: '1', label: '"a"' });
  });
});
