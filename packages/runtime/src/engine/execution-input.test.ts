import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from '../durable/durable-runtime';
import { InMemoryDurableStore } from '../durable/memory-durable-store';
import { InvalidExecutionInputError } from '../errors/runtime-errors';
import { specRuntime } from '../testing/spec-runtime';

const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };

describe('the input an execution starts with', () => {
  it('is refused when it has no JSON, before anything runs', () => {
    const { runtime } = specRuntime();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [{ n: 1n }, cyclic, () => 1, Symbol('input')]) {
      expect(() => runtime.startExecution(pass, { input })).toThrow(InvalidExecutionInputError);
    }
  });

  it('is refused when it is nested too deeply to serialise', () => {
    const { runtime } = specRuntime();
    let input: unknown = 1;
    for (let i = 0; i < 20_000; i++) input = [input];
    expect(() => runtime.startExecution(pass, { input })).toThrow(/nested too deeply/);
  });

  it('is refused when its JSON is over 256 KiB, as StartExecution refuses it', () => {
    const { runtime } = specRuntime();
    const error = (() => {
      try {
        runtime.startExecution(pass, { input: { text: 'x'.repeat(262_144) } });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(InvalidExecutionInputError);
    expect(error).toMatchObject({
      code: 'INVALID_EXECUTION_INPUT',
      message: expect.stringContaining('256 KiB'),
    });
  });

  it('is accepted at the limit exactly', async () => {
    const { runtime } = specRuntime();
    // 262,144 bytes of JSON: `{"text":""}` takes 11 of them.
    const input = { text: 'x'.repeat(262_144 - 11) };
    expect(JSON.stringify(input)).toHaveLength(262_144);
    expect(await runtime.execute(pass, { input })).toEqual({ status: 'SUCCEEDED', output: input });
  });
});

describe('the input a durable execution starts with', () => {
  it('is refused the same way, and nothing is stored', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store });
    try {
      await expect(runtime.startExecution(pass, { name: 'big', input: { n: 1n } })).rejects.toThrow(
        InvalidExecutionInputError,
      );
      expect(await store.listExecutions()).toEqual([]);
    } finally {
      await runtime.close();
    }
  });

  it('is refused by a durable runtime before anything is stored, so the next start is unaffected', async () => {
    const store = new InMemoryDurableStore();
    const runtime = createDurableRuntime({ store });
    await expect(runtime.startExecution(pass, { name: 'symbol', input: Symbol('input') })).rejects.toThrow(
      InvalidExecutionInputError,
    );
    expect(await store.listExecutions()).toEqual([]);
    const next = await runtime.startExecution(pass, { input: { n: 1 } });
    expect(await next.result()).toEqual({ status: 'SUCCEEDED', output: { n: 1 } });
    await runtime.close();
  });
});
