import type { TaskTokenRegistry } from '../callbacks/task-tokens';
import { awaitToken } from '../callbacks/wait-for-token';
import type { TaskHandler } from '../tasks/task-handler';
import type { ActivityRegistry } from './activity-registry';

/**
 * A Task whose Resource is an activity ARN: queues the work for a worker and waits for the worker
 * to answer through the task token. The heartbeat timer starts when a worker takes the task, as
 * on AWS, so a task waiting in the queue cannot miss a heartbeat.
 */
export function activityHandler(
  activities: ActivityRegistry,
  tokens: TaskTokenRegistry,
  activityArn: string,
  started: (workerName: string | undefined) => void,
): TaskHandler {
  return async (input, context) => {
    const answer = awaitToken(tokens, context);
    const withdraw = activities.enqueue(activityArn, {
      taskToken: context.taskToken,
      input,
      pickedUp: (workerName) => {
        started(workerName);
        context.heartbeat();
      },
    });
    try {
      return await answer.promise;
    } finally {
      withdraw();
    }
  };
}
