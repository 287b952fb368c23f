import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock';
import { createRuntime } from '../engine/runtime';
import { InvalidTokenError, TaskDoesNotExistError, TaskTimedOutError } from './callback-errors';

/** A queue the workflow "sends" tokens to, read by a consumer in another async context. */
function mailbox() {
  const waiting: ((message: { token: string; body: unknown }) => void)[] = [];
  const queued: { token: string; body: unknown }[] = [];
  return {
    send(message: { token: string; body: unknown }) {
      const reader = waiting.shift();
      if (reader) reader(message);
      else queued.push(message);
      return { MessageId: `m-${queued.length + 1}` };
    },
    next(): Promise<{ token: string; body: unknown }> {
      const message = queued.shift();
      return message ? Promise.resolve(message) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** Lets the runtime react (re-arm its timers) before the test moves the clock again. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

const callbackMachine = (extra: Record<string, unknown> = {}) => ({
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { 'MessageBody.$': '$', 'TaskToken.$': '$$.Task.Token' },
      End: true,
      ...extra,
    },
  },
});

function setup() {
  const clock = createVirtualClock({ start: 0 });
  const box = mailbox();
  const runtime = createRuntime({
    clock,
    services: {
      sqs: {
        sendMessage: (params) => {
          const { TaskToken, MessageBody } = params as { TaskToken: string; MessageBody: unknown };
          return box.send({ token: TaskToken, body: MessageBody });
        },
      },
    },
  });
  return { clock, box, runtime };
}

describe('.waitForTaskToken', () => {
  it('waits until sendTaskSuccess answers from another async context, recording TaskSubmitted', async () => {
    const { box, runtime } = setup();
    const execution = runtime.startExecution(callbackMachine(), { input: { question: 'ship it?' } });
    const consumer = (async () => {
      const message = await box.next();
      await runtime.sendTaskSuccess(message.token, { approved: true, for: message.body });
    })();
    expect(await execution.result()).toEqual({
      status: 'SUCCEEDED',
      output: { approved: true, for: { question: 'ship it?' } },
    });
    await consumer;
    expect(execution.history().map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('fails the task with the error and cause sent through sendTaskFailure', async () => {
    const { box, runtime } = setup();
    const execution = runtime.startExecution(callbackMachine());
    const { token } = await box.next();
    await runtime.sendTaskFailure(token, 'Review.Rejected', 'too expensive');
    expect(await execution.result()).toEqual({
      status: 'FAILED',
      error: 'Review.Rejected',
      cause: 'too expensive',
    });
    await expect(runtime.sendTaskSuccess(token, {})).rejects.toBeInstanceOf(TaskDoesNotExistError);
  });

  it('fails with States.HeartbeatTimeout when no heartbeat arrives in time, and heartbeats keep it alive', async () => {
    const { box, runtime, clock } = setup();
    const execution = runtime.startExecution(callbackMachine({ HeartbeatSeconds: 10 }));
    const { token } = await box.next();
    clock.advance(8_000);
    await runtime.sendTaskHeartbeat(token);
    await settled();
    clock.advance(8_000);
    await settled();
    expect(execution.status).toBe('RUNNING');
    clock.advance(3_000);
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    const timedOut = runtime.sendTaskSuccess(token, {});
    await expect(timedOut).rejects.toBeInstanceOf(TaskTimedOutError);
    await expect(timedOut).rejects.toMatchObject({ code: 'TASK_TIMED_OUT', awsName: 'TaskTimedOut' });
  });

  it('fails with States.Timeout after TimeoutSeconds', async () => {
    const { box, runtime, clock } = setup();
    const execution = runtime.startExecution(callbackMachine({ TimeoutSeconds: 30 }));
    await box.next();
    clock.advance(30_000);
    expect(await execution.result()).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(execution.history().map((e) => e.type)).toContain('TaskTimedOut');
  });

  it('answers tokens it never issued with TaskDoesNotExist, and garbage with InvalidToken', async () => {
    const { runtime } = setup();
    const forged = `${Buffer.from('arn:aws:states:us-east-1:1:execution:M:x').toString('base64url')}.99`;
    await expect(runtime.sendTaskSuccess(forged, {})).rejects.toBeInstanceOf(TaskDoesNotExistError);
    await expect(runtime.sendTaskHeartbeat('not a token')).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(runtime.sendTaskFailure('')).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('gives up the token when the execution is stopped', async () => {
    const { box, runtime } = setup();
    const execution = runtime.startExecution(callbackMachine());
    const { token } = await box.next();
    execution.stop();
    expect(await execution.result()).toMatchObject({ status: 'ABORTED' });
    await expect(runtime.sendTaskSuccess(token, {})).rejects.toBeInstanceOf(TaskTimedOutError);
  });
});

describe('.waitForTaskToken whose call outlives its attempt', () => {
  it('records nothing for the call that returns after its attempt timed out', async () => {
    const notify = 'arn:aws:lambda:us-east-1:123456789012:function:notify';
    const tokens: string[] = [];
    let calls = 0;
    const runtime = createRuntime({
      handlers: {
        [notify]: async (input: unknown) => {
          calls++;
          // The first call returns after its attempt's TimeoutSeconds; the catcher's at once.
          if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 1_300));
          tokens.push((input as { token: string }).token);
          return { sent: calls };
        },
      },
    });
    const ask = (extra: Record<string, unknown>) => ({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: notify, Payload: { 'token.$': '$$.Task.Token' } },
      ...extra,
    });
    const execution = runtime.startExecution({
      StartAt: 'First',
      States: {
        First: ask({
          TimeoutSeconds: 1,
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Second' }],
          End: true,
        }),
        Second: ask({ End: true }),
      },
    });
    // The second call's token, then the first call's, late.
    while (tokens.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await runtime.sendTaskSuccess(tokens[0] as string, { approved: true });
    expect(await execution.result()).toEqual({ status: 'SUCCEEDED', output: { approved: true } });
    const submitted = execution.history().filter((event) => event.type === 'TaskSubmitted');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]?.taskSubmittedEventDetails?.output).toContain('"Payload":{"sent":2}');
  });
});
