import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { InvalidDefinitionError, TaskFailedError } from '../errors/runtime-errors';
import { createSeededRandom } from '../random/random';
import type { TaskHandlers } from '../tasks/task-handler';
import { createRuntime } from './runtime';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:work';

function virtualRuntime(handlers: TaskHandlers = {}) {
  const clock = createVirtualClock({ start: Date.parse('2024-01-01T00:00:00Z') });
  return { clock, runtime: createRuntime({ handlers, clock, random: createSeededRandom(1) }) };
}

describe('running a state machine', () => {
  it('passes data through JSONPath processing: InputPath, Parameters, ResultPath, OutputPath', async () => {
    const { runtime } = virtualRuntime();
    const result = await runtime.execute(
      {
        StartAt: 'Shape',
        States: {
          Shape: {
            Type: 'Pass',
            InputPath: '$.order',
            Parameters: { 'total.$': 'States.MathAdd($.price, $.tax)', 'id.$': '$.id' },
            ResultPath: '$.summary',
            OutputPath: '$.summary',
            End: true,
          },
        },
      },
      { input: { order: { id: 'o-1', price: 40, tax: 2 } } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { total: 42, id: 'o-1' } });
  });

  it('evaluates JSONata Arguments and Output, and exposes $states.result', async () => {
    const { runtime } = virtualRuntime({ [FN]: (input) => ({ doubled: (input as { n: number }).n * 2 }) });
    const result = await runtime.execute(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Double',
        States: {
          Double: {
            Type: 'Task',
            Resource: FN,
            Arguments: { n: '{% $states.input.value %}' },
            Output: '{% $states.result.doubled + 1 %}',
            End: true,
          },
        },
      },
      { input: { value: 20 } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: 41 });
  });

  it('keeps variables assigned inside a Map iteration out of the outer scope', async () => {
    const { runtime } = virtualRuntime();
    const result = await runtime.execute({
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { seen: 'outer' }, Result: { list: [1, 2] }, Next: 'Each' },
        Each: {
          Type: 'Map',
          ItemsPath: '$.list',
          ItemProcessor: {
            StartAt: 'Inner',
            States: {
              Inner: {
                Type: 'Pass',
                Assign: { seen: 'inner' },
                Parameters: { 'outer.$': '$seen' },
                End: true,
              },
            },
          },
          ResultPath: '$.items',
          Next: 'Read',
        },
        Read: { Type: 'Pass', Parameters: { 'seen.$': '$seen', 'items.$': '$.items' }, End: true },
      },
    });
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { seen: 'outer', items: [{ outer: 'outer' }, { outer: 'outer' }] },
    });
  });

  it('refuses an invalid definition before anything runs', () => {
    const { runtime } = virtualRuntime();
    expect(() => runtime.startExecution({ StartAt: 'Missing', States: {} })).toThrow(InvalidDefinitionError);
  });

  it('fails a Task whose resource has no handler, naming the resource and the state', async () => {
    const { runtime } = virtualRuntime();
    const result = await runtime.execute({
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: FN, End: true } },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.status === 'FAILED' && result.cause).toContain(FN);
    expect(result.status === 'FAILED' && result.cause).toContain("'Call'");
  });
});

describe('errors', () => {
  it('retries a failing task with back-off under the virtual clock, then catches the error', async () => {
    let calls = 0;
    const { runtime, clock } = virtualRuntime({
      [FN]: () => {
        calls++;
        throw new TaskFailedError('Flaky', 'still down');
      },
    });
    const started = clock.now();
    const result = await runtime.execute({
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: FN,
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 10, MaxAttempts: 2, BackoffRate: 3 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
          End: true,
        },
        Recover: { Type: 'Pass', End: true },
      },
    });
    expect(calls).toBe(3);
    expect(clock.now() - started).toBe(40_000);
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: { error: { Error: 'Flaky', Cause: 'still down' } },
    });
  });

  it("stops an execution with ExecutionAborted, firing the in-flight handler's signal", async () => {
    let aborted = false;
    const { runtime } = virtualRuntime({
      [FN]: (_input, context) =>
        new Promise(() => {
          context.signal.addEventListener('abort', () => {
            aborted = true;
          });
        }),
    });
    const execution = runtime.startExecution({
      StartAt: 'Slow',
      States: { Slow: { Type: 'Task', Resource: FN, End: true } },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(execution.status).toBe('RUNNING');
    execution.stop({ error: 'Test.Stop' });
    expect(await execution.result()).toEqual({ status: 'ABORTED', error: 'Test.Stop' });
    expect(aborted).toBe(true);
    expect(execution.history().at(-1)?.type).toBe('ExecutionAborted');
  });

  it('times a task out with States.Timeout, which a catcher can handle', async () => {
    const clock = createVirtualClock({ start: 0 });
    const runtime = createRuntime({ clock, handlers: { [FN]: () => new Promise(() => {}) } });
    const execution = runtime.startExecution({
      StartAt: 'Slow',
      States: {
        Slow: {
          Type: 'Task',
          Resource: FN,
          TimeoutSeconds: 5,
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Late' }],
          End: true,
        },
        Late: { Type: 'Pass', End: true },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The handler is in flight, so the clock never skips on its own; move it by hand.
    clock.advance(5_000);
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: { Error: 'States.Timeout' } });
    expect(execution.history().map((e) => e.type)).toContain('LambdaFunctionTimedOut');
  });

  it('fails on a missed heartbeat with States.HeartbeatTimeout', async () => {
    const clock = createVirtualClock({ start: 0 });
    const runtime = createRuntime({
      clock,
      handlers: { [FN]: () => new Promise((resolve) => setTimeout(resolve, 50)) },
    });
    const execution = runtime.startExecution({
      StartAt: 'Beat',
      States: { Beat: { Type: 'Task', Resource: FN, HeartbeatSeconds: 10, End: true } },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    clock.advance(10_000);
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    expect(execution.history().map((e) => e.type)).toContain('LambdaFunctionTimedOut');
  });

  it('fails with States.DataLimitExceeded when a state output is over 256 KiB', async () => {
    const { runtime } = virtualRuntime({ [FN]: () => 'x'.repeat(300_000) });
    const result = await runtime.execute({
      StartAt: 'Big',
      States: {
        Big: {
          Type: 'Task',
          Resource: FN,
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Never' }],
          End: true,
        },
        Never: { Type: 'Pass', End: true },
      },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it("times the whole execution out at the machine's TimeoutSeconds", async () => {
    const { runtime } = virtualRuntime();
    const result = await runtime.execute({
      TimeoutSeconds: 60,
      StartAt: 'Long',
      States: { Long: { Type: 'Wait', Seconds: 3600, End: true } },
    });
    expect(result).toEqual({ status: 'TIMED_OUT', error: 'States.Timeout' });
  });
});

describe('time', () => {
  it('finishes a seven-day Wait instantly under the virtual clock', async () => {
    const { runtime, clock } = virtualRuntime();
    const started = Date.now();
    const before = clock.now();
    const result = await runtime.execute({
      StartAt: 'Week',
      States: { Week: { Type: 'Wait', Seconds: 604_800, End: true } },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(clock.now() - before).toBe(604_800_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
