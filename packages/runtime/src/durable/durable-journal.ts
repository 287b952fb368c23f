import * as crypto from 'node:crypto';
import type { Clock } from '../clock/clock';
import type { HistoryRecorder, JournalEvent, Lane } from '../history/history-recorder';
import { detailsJson, materializeDetails } from '../history/lazy-payload';
import type { ChildStarter } from '../integrations/start-execution';
import type { ChildExecutionRunner } from '../map/child-executions';
import { createSeededRandom } from '../random/random';
import { CallbackTokens, isCallbackScheduled } from './callback-tokens';
import type { CommitQueue } from './commit-queue';
import type { ExecutionJournal } from './execution-journal';
import { IdleTracker } from './idle-tracker';
import { type PriorHistory, redrivesBefore } from './prior-history';
import { createReplayClock } from './replay-clock';

export interface JournalOptions {
  readonly executionArn: string;
  readonly startTime: number;
  readonly clock: Clock;
  readonly queue: CommitQueue;
  readonly prior: PriorHistory;
  /** Named timers' due times as the store held them when it resumed (see createReplayClock). */
  readonly keptTimers?: ReadonlyMap<string, number>;
  /** When the latest heartbeat stored for each token was sent, as the store held them when it resumed. */
  readonly storedHeartbeats?: ReadonlyMap<string, number>;
  /** Told of each task token handed out (as what makes it), so a stored answer can be applied. */
  readonly onToken?: (token: () => string) => void;
  /**
   * Makes the runner of an execution's distributed Maps' STANDARD children, given when it was last
   * redriven and whether it was let go (handed to another runtime, or the runtime closed).
   */
  readonly children?: (
    executionArn: string,
    redrivenAt: number | undefined,
    letGo: () => boolean,
  ) => ChildExecutionRunner;
  /** Makes the starter of an execution's nested executions, given whether it was let go. */
  readonly nested?: (executionArn: string, letGo: () => boolean) => ChildStarter;
}

export interface DurableJournal extends ExecutionJournal {
  /**
   * Stops writing: the execution was handed to another runtime, left memory, or the runtime is
   * closing. Returns the tokens its callback and activity tasks waited on.
   */
  detach(): readonly string[];
  /** Whether the execution only waits, and until when (see IdleTracker). */
  readonly idle: IdleTracker;
}

/**
 * The journal of one durable execution: new events and timers go to the commit queue; recorded
 * events are matched by position; randomness and task tokens are derived from the execution, so a
 * resumed run draws the same numbers and hands out the same tokens.
 */
export function createDurableJournal(options: JournalOptions): DurableJournal {
  const { executionArn, queue, prior, children: make, nested: makeNested } = options;
  let detached = false;
  let runner: ChildExecutionRunner | undefined;
  let starter: ChildStarter | undefined;
  let recorder: HistoryRecorder | undefined;
  const idle = new IdleTracker(options.clock.now);
  /** The recorded event a position lookup found: matched again if `replayed` follows. */
  let lookedUp: number | undefined;
  const clock = createReplayClock(
    options.clock,
    {
      set: (timerId, due) => {
        idle.timerSet(timerId, due);
        if (!detached) queue.setTimer({ executionArn, timerId, due });
      },
      clear: (timerId) => {
        idle.timerCleared(timerId);
        if (!detached) queue.clearTimer(executionArn, timerId);
      },
    },
    options.keptTimers,
  );
  const draw = seededOnFirstDraw(executionArn, 0);
  const drawForUuid = seededOnFirstDraw(executionArn, 0x5bd1e995);
  // Made on the first token: most executions hand out none.
  let tokenPrefix: string | undefined;
  // A redrive schedules a failed task again at the position it had: the token also counts the
  // redrives before its scheduling, so the rerun's token is not the old, answered one.
  const tokenOf = (position: string, redrives: number) => {
    tokenPrefix ??= Buffer.from(executionArn).toString('base64url');
    const made = redrives === 0 ? position : `${position}|${redrives}`;
    return `${tokenPrefix}.${sha256(made).readBigUInt64BE(0) >> 11n}`;
  };
  const tokenAt = (position: string) => tokenOf(position, prior.redrives.length);
  const callbacks = new CallbackTokens(executionArn, queue);
  const beats = options.storedHeartbeats?.size ? options.storedHeartbeats : undefined;
  return {
    startTime: options.startTime,
    redrivenAt: prior.redrivenAt,
    clock,
    random: draw,
    randomAt: (lane) =>
      createSeededRandom(
        seedOf(`${executionArn}@${recorder ? recorder.nextPosition(lane) : Math.random()}`),
      )(),
    uuid: () => seededUuid(drawForUuid),
    storedHeartbeatAt: beats && ((token) => beats.get(token)),
    prior,
    idle,
    // Made on the first child, so an execution without a Map Run pays next to nothing for it.
    children:
      make &&
      ((request) => {
        runner ??= make(executionArn, prior.redrivenAt, () => detached);
        return runner(request);
      }),
    nested:
      makeNested &&
      ((request) => {
        starter ??= makeNested(executionArn, () => detached);
        return starter(request);
      }),
    recordedAt: (position) => {
      lookedUp = prior.byPosition.get(position);
      return lookedUp;
    },
    replayed: (time) => {
      clock.replayAt(time);
      const matched = time === undefined || lookedUp === undefined ? undefined : prior.events[lookedUp];
      if (matched) idle.event(matched.type, matched.details, prior.positions[lookedUp as number]);
    },
    attach(attached) {
      recorder = attached;
    },
    recorded(event: JournalEvent) {
      if (detached) return;
      const { type, position, time } = event;
      queue.addEvent({
        executionArn,
        id: event.id,
        previousEventId: event.previousEventId,
        type,
        time,
        position: position ?? `#${event.id}`,
        details: event.details === undefined ? undefined : detailsJson(event.details),
      });
      // Only a task's scheduling is read (does it wait for a token?): no other event is made into
      // an object.
      const details =
        event.details !== undefined && (type === 'TaskScheduled' || type === 'ActivityScheduled')
          ? materializeDetails(event.details)
          : undefined;
      if (position !== undefined) callbacks.recorded(type, details, position, time, tokenAt);
      idle.event(type, details, position, time);
    },
    taskToken(lane: Lane) {
      // The lane position of the invocation, as digits (the token format is `<arn>.<digits>`).
      const position = recorder ? recorder.nextPosition(lane) : String(Math.random());
      const index = prior.byPosition.get(position);
      let token: string | undefined;
      const made = () => {
        token ??= tokenOf(position, redrivesBefore(prior, index ?? prior.events.length));
        return token;
      };
      const replayed = index === undefined ? undefined : prior.events[index];
      if (replayed && isCallbackScheduled(replayed.type, replayed.details))
        callbacks.resumed(position, made());
      idle.taskStarted(position);
      options.onToken?.(made);
      return made;
    },
    busyWhile: (work) => idle.busyWhile(work),
    detach() {
      detached = true;
      return callbacks.open();
    },
  };
}

/**
 * Draws from a generator seeded by the ARN (with `salt`), made on the first draw: most executions
 * draw nothing, and the seed is a hash of the ARN.
 */
function seededOnFirstDraw(executionArn: string, salt: number): () => number {
  let random: (() => number) | undefined;
  return () => {
    random ??= createSeededRandom(seedOf(executionArn) ^ salt);
    return random();
  };
}

function seedOf(text: string): number {
  return sha256(text).readUInt32BE(0);
}

/** `crypto.hash` (Node 20.12+) hashes a short string without building a Hash object. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash;

function sha256(text: string): Buffer {
  return oneShot ? oneShot('sha256', text, 'buffer') : crypto.createHash('sha256').update(text).digest();
}

function seededUuid(random: () => number): string {
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
