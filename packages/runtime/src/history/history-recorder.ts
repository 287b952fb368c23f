import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import { detailsKeyOf, type HistoryEvent, type HistoryEventType } from './history-event';
import { materializeDetails } from './lazy-payload';

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

/** What is kept per event until someone reads the history: no Date, no JSON text yet. */
interface EventRecord {
  readonly previousEventId: number;
  readonly type: HistoryEventType;
  readonly time: number;
  readonly details: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Numbers and keeps an execution's events and tells subscribers as they arrive. Events are kept
 * as compact records and turned into AWS `HistoryEvent` shapes (Date, JSON payload text) the first
 * time they are read, so an execution nobody inspects never pays for serialisation.
 */
export class HistoryRecorder {
  private readonly records: EventRecord[] = [];
  private readonly materialized: HistoryEvent[] = [];
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
    if (!terminal && this.records.length >= this.limit - 1) {
      fail(ErrorNames.runtime, `The execution reached the maximum number of history events (${this.limit}).`);
    }
    this.records.push({ previousEventId, type, time: this.now(), details });
    const id = this.records.length;
    if (this.listeners.size > 0) {
      const event = this.eventAt(id - 1);
      for (const listener of this.listeners) listener(event);
    }
    if (this.waiters.length > 0) this.wake();
    return id;
  }

  /** Appends on a lane and moves the lane's cursor to the new event. */
  advance(lane: Lane, type: HistoryEventType, details?: Readonly<Record<string, unknown>>): number {
    const id = this.append(type, lane.cursor, details);
    lane.cursor = id;
    return id;
  }

  /** How many events have been recorded; also the id of the latest one. */
  get count(): number {
    return this.records.length;
  }

  /** Every event recorded so far, in AWS shape. */
  get events(): readonly HistoryEvent[] {
    if (this.materialized.length < this.records.length) this.eventAt(this.records.length - 1);
    return this.materialized;
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
      while (next < this.records.length) yield this.eventAt(next++);
      if (this.closed) return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The event at `index`, materialising it (and every earlier one) on first read. */
  private eventAt(index: number): HistoryEvent {
    for (let i = this.materialized.length; i <= index; i++) {
      const record = this.records[i] as EventRecord;
      const base = {
        id: i + 1,
        previousEventId: record.previousEventId,
        type: record.type,
        timestamp: new Date(record.time),
      };
      this.materialized.push(
        record.details === undefined
          ? base
          : { ...base, [detailsKeyOf(record.type)]: materializeDetails(record.details) },
      );
    }
    return this.materialized[index] as HistoryEvent;
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
