import { createHash } from 'node:crypto';
import type { Clock } from '../clock/clock';
import { detailsKeyOf, type HistoryEvent } from '../history/history-event';
import type { HistoryRecorder, Lane } from '../history/history-recorder';
import { createSeededRandom } from '../random/random';
import type { CommitQueue } from './commit-queue';
import type { ExecutionJournal } from './execution-journal';
import type { PriorHistory } from './prior-history';
import { createReplayClock } from './replay-clock';

export interface JournalOptions {
  readonly executionArn: string;
  readonly startTime: number;
  readonly clock: Clock;
  readonly queue: CommitQueue;
  readonly prior: PriorHistory;
}

export interface DurableJournal extends ExecutionJournal {
  /** Stops writing: the execution was handed to another runtime or the runtime is closing. */
  detach(): void;
}

/**
 * The journal of one durable execution: new events and timers go to the commit queue; recorded
 * events are matched by position; randomness and task tokens are derived from the execution, so a
 * resumed run draws the same numbers and hands out the same tokens.
 */
export function createDurableJournal(options: JournalOptions): DurableJournal {
  const { executionArn, queue, prior } = options;
  let detached = false;
  let recorder: HistoryRecorder | undefined;
  const clock = createReplayClock(options.clock, {
    set: (timerId, due) => {
      if (!detached) queue.setTimer({ executionArn, timerId, due });
    },
    clear: (timerId) => {
      if (!detached) queue.clearTimer(executionArn, timerId);
    },
  });
  const seed = seedOf(executionArn);
  const random = createSeededRandom(seed);
  const uuidRandom = createSeededRandom(seed ^ 0x5bd1e995);
  const tokenPrefix = Buffer.from(executionArn).toString('base64url');
  return {
    startTime: options.startTime,
    clock,
    random,
    uuid: () => seededUuid(uuidRandom),
    prior,
    recordedAt: (position) => prior.byPosition.get(position),
    replayed: (time) => clock.replayAt(time),
    attach(attached) {
      recorder = attached;
    },
    record(event: HistoryEvent, position: string | undefined) {
      if (detached) return;
      const details = event[detailsKeyOf(event.type)];
      queue.addEvent({
        executionArn,
        id: event.id,
        previousEventId: event.previousEventId,
        type: event.type,
        time: event.timestamp.getTime(),
        position: position ?? `#${event.id}`,
        details: details === undefined ? undefined : JSON.stringify(details),
      });
    },
    taskToken(lane: Lane) {
      // The lane position of the invocation, as digits (the token format is `<arn>.<digits>`).
      const position = recorder ? recorder.nextPosition(lane) : String(Math.random());
      const digest = createHash('sha256').update(position).digest();
      return `${tokenPrefix}.${digest.readBigUInt64BE(0) >> 11n}`;
    },
    detach() {
      detached = true;
    },
  };
}

function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

function seededUuid(random: () => number): string {
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
