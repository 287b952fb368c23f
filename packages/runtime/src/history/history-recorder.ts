import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import { detailsKeyOf, type HistoryEvent, type HistoryEventType } from './history-event';

/** AWS's quota of events in one Standard execution's history. */
export const MAX_HISTORY_EVENTS = 25_000;

/**
 * A thread of control in the history. AWS links each event to the last event of its own thread
 * (`previousEventId`), and parallel work keeps one lane per branch or iteration.
 */
export interface Lane {
  cursor: number;
}

export type HistoryListener = (event: HistoryEvent) => void;

/** Numbers and keeps an execution's events and tells subscribers as they arrive. */
export class HistoryRecorder {
  readonly events: HistoryEvent[] = [];
  private readonly listeners = new Set<HistoryListener>();
  private closed = false;
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly now: () => number,
    private readonly limit: number = MAX_HISTORY_EVENTS,
  ) {}

  /** Appends an event after `previousEventId` and returns its id. */
  append(
    type: HistoryEventType,
    previousEventId: number,
    details?: Readonly<Record<string, unknown>>,
    terminal = false,
  ): number {
    if (this.closed) throw new Error('The execution has ended; no more events are recorded.');
    // One slot stays free for the event that ends the execution.
    if (!terminal && this.events.length >= this.limit - 1) {
      fail(ErrorNames.runtime, `The execution reached the maximum number of history events (${this.limit}).`);
    }
    const id = this.events.length + 1;
    const event: HistoryEvent =
      details === undefined
        ? { id, previousEventId, type, timestamp: new Date(this.now()) }
        : { id, previousEventId, type, timestamp: new Date(this.now()), [detailsKeyOf(type)]: details };
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    this.wake();
    return id;
  }

  /** Appends on a lane and moves the lane's cursor to the new event. */
  advance(lane: Lane, type: HistoryEventType, details?: Readonly<Record<string, unknown>>): number {
    const id = this.append(type, lane.cursor, details);
    lane.cursor = id;
    return id;
  }

  subscribe(listener: HistoryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** No more events will come; streams end once they have delivered everything. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Every event, the ones recorded so far and those still to come, in order. */
  async *stream(): AsyncGenerator<HistoryEvent, void, undefined> {
    let next = 0;
    for (;;) {
      while (next < this.events.length) yield this.events[next++] as HistoryEvent;
      if (this.closed) return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
