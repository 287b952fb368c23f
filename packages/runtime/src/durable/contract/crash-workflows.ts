import { TaskFailedError } from '../../errors/runtime-errors';
import type { TaskContext, TaskHandler } from '../../tasks/task-handler';

/**
 * The workflows the crash tests kill and resume: tasks with side effects, a Wait, a retry with
 * back-off, a Map (inline, and distributed with child executions), a Parallel, a callback, and one
 * that fails until it is redriven. Outputs depend only on inputs, so a run that was killed many
 * times must end with exactly the output of one that never was.
 */
export interface CrashRun {
  readonly name: string;
  /** The ARN a durable runtime (default region, account and machine name) gives it by its name. */
  readonly executionArn: string;
  readonly definition: object;
  readonly input: unknown;
  /** Fails on its first run: it must be redriven once (see redriveCrashRuns) to succeed. */
  readonly redriveOnce?: true;
}

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:crash-${name}`;

const SEQUENCE = {
  StartAt: 'Add',
  States: {
    Add: { Type: 'Task', Resource: fn('add'), ResultPath: '$.sum', Next: 'Nap' },
    Nap: { Type: 'Wait', Seconds: 1, Next: 'Flaky' },
    Flaky: {
      Type: 'Task',
      Resource: fn('flaky'),
      Retry: [{ ErrorEquals: ['Flaky.Once'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 1 }],
      ResultPath: '$.flaky',
      End: true,
    },
  },
};

const MAP = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ItemProcessor: {
        StartAt: 'Double',
        States: { Double: { Type: 'Task', Resource: fn('double'), End: true } },
      },
      End: true,
    },
  },
};

/** The same Map, its items run as child executions of their own (a Map Run). */
const DISTRIBUTED_MAP = {
  StartAt: 'Each',
  States: {
    Each: {
      ...MAP.States.Each,
      ItemProcessor: {
        ...MAP.States.Each.ItemProcessor,
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
      },
    },
  },
};

const PARALLEL = {
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Add', States: { Add: { Type: 'Task', Resource: fn('add'), End: true } } },
        {
          StartAt: 'Nap',
          States: {
            Nap: { Type: 'Wait', Seconds: 1, Next: 'Double' },
            Double: { Type: 'Task', Resource: fn('double'), InputPath: '$.a', End: true },
          },
        },
      ],
      End: true,
    },
  },
};

const CALLBACK = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: fn('notify'), Payload: { 'token.$': '$$.Task.Token', 'n.$': '$.n' } },
      Next: 'Add',
    },
    Add: { Type: 'Task', Resource: fn('add'), Parameters: { 'a.$': '$.n', b: 1 }, End: true },
  },
};

/**
 * Fails at the gate on its first run, and passes once redriven: the Add before it must not run
 * again (AWS redrives from the failed state).
 */
const REDRIVEN = {
  StartAt: 'Add',
  States: {
    Add: { Type: 'Task', Resource: fn('add'), ResultPath: '$.sum', Next: 'Gate' },
    Gate: {
      Type: 'Task',
      Resource: fn('gate'),
      Parameters: { 'sum.$': '$.sum', 'redrives.$': '$$.Execution.RedriveCount' },
      ResultPath: '$.gate',
      End: true,
    },
  },
};

/** `count` executions cycling through the six workflows, with inputs that vary by index. */
export function crashRuns(count: number, prefix = 'crash'): CrashRun[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${prefix}-${i}`;
    const run = {
      name,
      executionArn: `arn:aws:states:us-east-1:123456789012:execution:StateMachine:${name}`,
    };
    switch (i % 6) {
      case 0:
        return { ...run, definition: SEQUENCE, input: { a: i, b: 2 } };
      case 1:
        return { ...run, definition: MAP, input: { items: [i, i + 1, i + 2, i + 3] } };
      case 2:
        return { ...run, definition: PARALLEL, input: { a: i, b: 3 } };
      case 3:
        return { ...run, definition: DISTRIBUTED_MAP, input: { items: [i, i + 1, i + 2] } };
      case 5:
        return { ...run, definition: REDRIVEN, input: { a: i, b: 4 }, redriveOnce: true };
      default:
        return { ...run, definition: CALLBACK, input: { n: i } };
    }
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Handlers for the crash workflows. Each writes `start <key>` when it begins and `end <key>` when
 * it returns to `effects` (an append-only log outside the store), so a test can count how often
 * every invocation really ran. `answer` completes a callback task by its token.
 */
export function crashHandlers(
  effects: (line: string) => void,
  answer: (token: string, output: unknown) => Promise<void>,
): Record<string, TaskHandler> {
  const logged =
    (work: (input: Record<string, unknown>, context: TaskContext) => Promise<unknown>): TaskHandler =>
    async (input, context) => {
      effects(`start ${context.idempotencyKey}`);
      const result = await work(input as Record<string, unknown>, context);
      effects(`end ${context.idempotencyKey}`);
      return result;
    };
  return {
    [fn('add')]: logged(async (input) => {
      await pause(15);
      return Number(input.a) + Number(input.b);
    }),
    [fn('double')]: logged(async (input) => {
      await pause(10);
      return Number(input) * 2;
    }),
    [fn('flaky')]: logged(async (input, context) => {
      await pause(5);
      if (context.attempt === 0) throw new TaskFailedError('Flaky.Once', 'the first attempt always fails');
      return { attempt: context.attempt, a: input.a };
    }),
    [fn('gate')]: logged(async (input) => {
      await pause(5);
      if (input.redrives === 0)
        throw new TaskFailedError('Gate.Closed', 'opens once the execution is redriven');
      return { opened: true, sum: input.sum };
    }),
    [fn('notify')]: logged(async (input) => {
      const token = String(input.token);
      // The other system keeps the request (see answerNotified), then answers a little later.
      effects(`notify ${token} ${Number(input.n)}`);
      setTimeout(() => void answer(token, callbackAnswer(Number(input.n))).catch(() => {}), 20);
      return { sent: true };
    }),
  };
}

const callbackAnswer = (n: number) => ({ n, answered: true });

/**
 * The other side of the callback tasks, after a kill: the system a callback's token was sent to
 * keeps its requests (the `notify` lines of the effects log) and answers each again when it starts,
 * as a queue consumer redelivers what it had not acknowledged. The process that was killed held
 * the answers it had not sent yet; a task submitted once is not submitted again, so without this
 * its answer would never come. An answer to a task answered already is refused, and ignored.
 */
export async function answerNotified(
  effectLines: readonly string[],
  answer: (token: string, output: unknown) => Promise<void>,
): Promise<void> {
  const requests = effectLines.map((line) => line.split(' ')).filter(([kind]) => kind === 'notify');
  await Promise.all(
    requests.map(([, token, n]) => answer(String(token), callbackAnswer(Number(n))).catch(() => {})),
  );
}
