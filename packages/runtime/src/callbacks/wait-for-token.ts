import { heartbeatSentAt } from '../tasks/handler-context';
import type { TaskContext, TaskHandler } from '../tasks/task-handler';
import type { TaskTokenRegistry } from './task-tokens';

/** How the task's submission is recorded, and found recorded by a resumed run. */
export interface SubmissionHooks {
  submitted(output: unknown): void;
  submittedBefore(): unknown;
}

/**
 * `.waitForTaskToken`: calls the base resource (which is expected to hand `$$.Task.Token` to
 * someone), records that the task was submitted, then waits until the token is answered through
 * `sendTaskSuccess` / `sendTaskFailure`. TimeoutSeconds and HeartbeatSeconds are enforced by the
 * caller through `context.signal`; `sendTaskHeartbeat` resets the heartbeat timer. A durable
 * execution that resumes after its task was submitted only waits: the base call completed, and
 * making it again would send the token out twice (an approval request, a queued message).
 */
export function waitForTaskToken(
  base: TaskHandler,
  tokens: TaskTokenRegistry,
  hooks: SubmissionHooks,
): TaskHandler {
  return async (input: unknown, context: TaskContext) => {
    const answer = awaitToken(tokens, context);
    if (hooks.submittedBefore()) return answer.promise;
    try {
      const output = await base(input, context);
      hooks.submitted(output);
    } catch (error) {
      answer.cancel();
      throw error;
    }
    return answer.promise;
  };
}

/**
 * Registers the waiter before anything else runs: the base call may well lead to an answer before
 * it returns (a queue consumer, an approver replying at once).
 */
export function awaitToken(
  tokens: TaskTokenRegistry,
  context: TaskContext,
): { promise: Promise<unknown>; cancel(): void } {
  let close: (how: 'answered' | 'timed-out') => void = () => {};
  const promise = new Promise<unknown>((resolve, reject) => {
    const onAbort = () => {
      close('timed-out');
      reject(context.signal.reason);
    };
    close = tokens.wait(context.taskToken, {
      resolve: (output) => {
        context.signal.removeEventListener('abort', onAbort);
        resolve(output);
      },
      reject: (error) => {
        context.signal.removeEventListener('abort', onAbort);
        reject(error);
      },
      heartbeat: (at) => heartbeatSentAt(context, at),
    });
    if (context.signal.aborted) onAbort();
    else context.signal.addEventListener('abort', onAbort, { once: true });
  });
  // The caller races this promise against its timers; an unobserved rejection must not escape.
  promise.catch(() => {});
  return { promise, cancel: () => close('answered') };
}
