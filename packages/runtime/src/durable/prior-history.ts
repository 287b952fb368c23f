import type { HistoryEventType } from '../history/history-event';
import type { PriorEvent } from '../history/history-recorder';
import type { StoredEvent } from './durable-store';
import { failedTail } from './redrive-reruns';
import { StoreCorruptionError } from './store-errors';
import { isTerminalType, parseJsonObject } from './terminal-status';

export const REDRIVEN: HistoryEventType = 'ExecutionRedriven';

export interface PriorHistory {
  readonly events: readonly PriorEvent[];
  readonly positions: readonly string[];
  /** Position to event index, for matching; later events win (see redrive). */
  readonly byPosition: ReadonlyMap<string, number>;
  /** The last event is terminal: the execution has ended (or a redrive was not recorded yet). */
  readonly ended: boolean;
  /** When the execution was last redriven, if it was: its TimeoutSeconds counts from then. */
  readonly redrivenAt: number | undefined;
  /** The indexes of its `ExecutionRedriven` events, in order. */
  readonly redrives: readonly number[];
}

/** How many times the execution had been redriven when event `index` was recorded. */
export function redrivesBefore(prior: PriorHistory, index: number): number {
  let count = 0;
  while (count < prior.redrives.length && (prior.redrives[count] as number) < index) count++;
  return count;
}

/**
 * Turns stored rows into what a resumed run replays. Ids must run 1..n without a gap; anything
 * else is corruption, reported as such rather than resumed wrongly.
 *
 * After a redrive (`ExecutionRedriven`), the step that ended the run before it is not replayed: in
 * each lane the trailing failure events (TaskFailed, MapIterationFailed, ExecutionFailed...) and
 * the task attempts before them (scheduled, started, submitted, failed) are left unmatched, back to
 * the state's entry. So the failed task is scheduled again as a new attempt, with its retries
 * counted from zero, its timeouts from the new schedule and a new token, while every step that
 * completed is replayed.
 */
export function priorHistory(rows: readonly StoredEvent[]): PriorHistory {
  const events: PriorEvent[] = [];
  const positions: string[] = [];
  rows.forEach((row, index) => {
    if (row.id !== index + 1) {
      throw new StoreCorruptionError(
        'history',
        `${row.executionArn} has event ${row.id} where ${index + 1} belongs`,
      );
    }
    const details =
      row.details === undefined
        ? undefined
        : parseJsonObject(row.details, `event ${row.id} of ${row.executionArn}`);
    events.push({
      previousEventId: row.previousEventId,
      type: row.type as HistoryEventType,
      time: row.time,
      details,
    });
    positions.push(row.position);
  });
  const redrives: number[] = [];
  rows.forEach((row, index) => {
    if (row.type === REDRIVEN) redrives.push(index);
  });
  const lastRedrive = redrives.at(-1) ?? -1;
  const skipped = lastRedrive < 0 ? new Set<number>() : failedTail(rows.slice(0, lastRedrive));
  const byPosition = new Map<string, number>();
  positions.forEach((position, index) => {
    byPosition.set(position, index);
  });
  // A position whose latest event is part of the failure is run again, not replayed. One that the
  // redriven run has taken since (it records at the failed attempt's positions) is its own.
  for (const index of skipped) {
    const position = positions[index] as string;
    if (byPosition.get(position) === index) byPosition.delete(position);
  }
  const last = rows[rows.length - 1];
  return {
    events,
    positions,
    byPosition,
    ended: last !== undefined && isTerminalType(last.type),
    redrivenAt: lastRedrive < 0 ? undefined : (rows[lastRedrive] as StoredEvent).time,
    redrives,
  };
}
