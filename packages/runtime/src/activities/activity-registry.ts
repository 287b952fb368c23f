import type { Clock } from '../clock/clock';
import { type Cancellable, setClockTimer } from '../clock/plain-timer';
import { ActivityDoesNotExistError } from './activity-errors';

/** What `createActivity` answers, as CreateActivity/DescribeActivity do. */
export interface Activity {
  readonly activityArn: string;
  readonly name: string;
  readonly creationDate: Date;
}

/** A unit of work handed to a worker. `input` is the Task's effective input. */
export interface ActivityTask {
  readonly taskToken: string;
  readonly input: unknown;
}

export interface GetActivityTaskOptions {
  /** Ends the long poll early; it then resolves with no task. */
  readonly signal?: AbortSignal;
  /** Recorded in the ActivityStarted event. */
  readonly workerName?: string;
  /**
   * Takes only the task with this token, if it is queued, and answers at once either way. A durable
   * runtime hands out tasks from its store and delivers each pick-up to its execution this way.
   */
  readonly taskToken?: string;
}

/** A scheduled task waiting for a worker; `pickedUp` records that one took it. */
export interface QueuedActivityTask extends ActivityTask {
  pickedUp(workerName: string | undefined): void;
}

interface Poller {
  readonly workerName: string | undefined;
  deliver(task: QueuedActivityTask): void;
}

/** AWS holds a GetActivityTask call open for up to 60 seconds. */
export const ACTIVITY_POLL_SECONDS = 60;

/**
 * Activities and their queues. Tasks whose Resource is an activity ARN wait here for a worker;
 * workers long-poll with `poll`. Tasks and workers are matched first come, first served.
 */
export class ActivityRegistry {
  private readonly queues = new Map<string, { tasks: QueuedActivityTask[]; pollers: Poller[] }>();
  private readonly activities = new Map<string, Activity>();

  constructor(
    private readonly clock: Clock,
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  /** Creates an activity; creating an existing name again returns it unchanged, as AWS does. */
  create(name: string): Activity {
    const activityArn = `arn:aws:states:${this.region}:${this.accountId}:activity:${name}`;
    const existing = this.activities.get(activityArn);
    if (existing) return existing;
    const activity = { activityArn, name, creationDate: new Date(this.clock.now()) };
    this.activities.set(activityArn, activity);
    this.queues.set(activityArn, { tasks: [], pollers: [] });
    return activity;
  }

  has(activityArn: string): boolean {
    return this.activities.has(activityArn);
  }

  /** Offers a task to workers; returns the function that withdraws it if no worker took it yet. */
  enqueue(activityArn: string, task: QueuedActivityTask): () => void {
    const queue = this.queueOf(activityArn);
    const poller = queue.pollers.shift();
    if (poller) {
      task.pickedUp(poller.workerName);
      poller.deliver(task);
      return () => {};
    }
    queue.tasks.push(task);
    return () => {
      const index = queue.tasks.indexOf(task);
      if (index >= 0) queue.tasks.splice(index, 1);
    };
  }

  /** Waits up to 60 s for a task; resolves with none when the time passes or the signal fires. */
  poll(activityArn: string, options: GetActivityTaskOptions = {}): Promise<ActivityTask | undefined> {
    const queue = this.queueOf(activityArn);
    if (options.taskToken !== undefined) {
      const index = queue.tasks.findIndex((task) => task.taskToken === options.taskToken);
      const [taken] = index < 0 ? [] : queue.tasks.splice(index, 1);
      taken?.pickedUp(options.workerName);
      return Promise.resolve(taken && toTask(taken));
    }
    const waiting = queue.tasks.shift();
    if (waiting) {
      waiting.pickedUp(options.workerName);
      return Promise.resolve(toTask(waiting));
    }
    if (options.signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let timer: Cancellable | undefined;
      const giveUp = () => {
        const index = queue.pollers.indexOf(poller);
        if (index >= 0) queue.pollers.splice(index, 1);
        // A worker polls again and again with one signal: a poll that ends leaves no listener on it.
        options.signal?.removeEventListener('abort', giveUp);
        timer?.cancel();
        resolve(undefined);
      };
      const poller: Poller = {
        workerName: options.workerName,
        deliver: (task) => {
          options.signal?.removeEventListener('abort', giveUp);
          timer?.cancel();
          resolve(toTask(task));
        },
      };
      queue.pollers.push(poller);
      options.signal?.addEventListener('abort', giveUp, { once: true });
      timer = setClockTimer(this.clock, ACTIVITY_POLL_SECONDS * 1000, giveUp);
    });
  }

  private queueOf(activityArn: string) {
    const queue = this.queues.get(activityArn);
    if (!queue) throw new ActivityDoesNotExistError(activityArn);
    return queue;
  }
}

function toTask(task: QueuedActivityTask): ActivityTask {
  return { taskToken: task.taskToken, input: task.input };
}
