/** A callback workflow and its notifier, for durable tests of `.waitForTaskToken` on any store. */
import type { TaskContext } from '../../tasks/task-handler';

export const notify = 'arn:aws:lambda:us-east-1:123456789012:function:notify';

/** One Task that sends its token through `notify` and waits for the answer. */
export const approval = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: notify, Payload: { 'token.$': '$$.Task.Token' } },
      End: true,
    },
  },
};

/** A notifier that hands each token to the test, as a queue consumer would get it. */
export function tokenBox() {
  const tokens: string[] = [];
  return {
    tokens,
    handlers: {
      [notify]: (input: unknown, _context: TaskContext) => {
        tokens.push((input as { token: string }).token);
        return { sent: true };
      },
    },
  };
}
