import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from '../durable/durable-runtime';
import { InMemoryDurableStore } from '../durable/memory-durable-store';
import { createRuntime } from '../engine/runtime';
import { InvalidOutputError, InvalidTaskFailureError, OutputTooLargeError } from './task-answer-checks';

const callback = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { 'token.$': '$$.Task.Token' },
      End: true,
    },
  },
};

const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;

describe.each(['in memory', 'durable'] as const)('answers AWS would refuse (%s runtime)', (kind) => {
  const setup = () => {
    const tokens: string[] = [];
    const handlers = {
      'arn:aws:states:::sqs:sendMessage': (input: unknown) => {
        tokens.push((input as { token: string }).token);
        return {};
      },
    };
    const runtime =
      kind === 'durable'
        ? createDurableRuntime({ store: new InMemoryDurableStore(), handlers })
        : createRuntime({ handlers });
    return { runtime, tokens };
  };

  it('refuse an output that is not JSON with InvalidOutputError, leaving the task waiting', async () => {
    const { runtime, tokens } = setup();
    const execution = await runtime.startExecution(callback);
    while (tokens.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const token = tokens[0] as string;
    for (const output of [10n, cyclic]) {
      await expect(runtime.sendTaskSuccess(token, output)).rejects.toMatchObject({
        code: 'INVALID_OUTPUT',
        awsName: 'InvalidOutput',
      });
    }
    await expect(runtime.sendTaskSuccess(token, 10n)).rejects.toBeInstanceOf(InvalidOutputError);
    await runtime.sendTaskSuccess(token, { fine: true });
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: { fine: true } });
  });

  it('refuse an output over 256 KiB with OutputTooLargeError, leaving the task waiting', async () => {
    const { runtime, tokens } = setup();
    const execution = await runtime.startExecution(callback);
    while (tokens.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const token = tokens[0] as string;
    // 262,145 bytes of JSON: the quotes take 2, and each é takes 2.
    const over = 'é'.repeat(131_071) + 'x';
    await expect(runtime.sendTaskSuccess(token, over)).rejects.toBeInstanceOf(OutputTooLargeError);
    await expect(runtime.sendTaskSuccess(token, over)).rejects.toMatchObject({
      code: 'OUTPUT_TOO_LARGE',
      awsName: 'ValidationException',
      message: expect.stringContaining('262145 bytes'),
    });
    const atTheLimit = 'x'.repeat(262_142);
    await runtime.sendTaskSuccess(token, atTheLimit);
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: atTheLimit });
  });

  it('refuse an error or cause that is not a string, or longer than AWS takes', async () => {
    const { runtime, tokens } = setup();
    const execution = await runtime.startExecution(callback);
    while (tokens.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const token = tokens[0] as string;
    for (const [error, cause] of [
      [{ a: 1 }, undefined],
      ['Bad', 42],
      ['E'.repeat(257), undefined],
      ['Bad', 'c'.repeat(32_769)],
    ]) {
      await expect(runtime.sendTaskFailure(token, error as string, cause as string)).rejects.toBeInstanceOf(
        InvalidTaskFailureError,
      );
    }
    await runtime.sendTaskFailure(token, 'E'.repeat(256), 'c'.repeat(32_768));
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'E'.repeat(256) });
  });
});
