import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import { EventColumns, type EventKind } from './event-columns';
import type { EventTag } from './event-tag';
import { detailsKeyOf, type HistoryEvent, type HistoryEventType } from './history-event';
import { type EventDetails, materializeDetails } from './lazy-payload';

/** AWS's quota of events in one Standard execution's history. */
export const MAX_HISTORY_EVENTS = 25_000;

/**
 * A thread of control in the history. AWS links each event to the last event of its own thread
 * (`previousEventId`), and parallel work keeps one lane per branch or iteration.
 */
export interface Lane {
  cursor: number;
  /**
   * Where the lane sits among Parallel branches and Map iterations ('' at the top). With `seq`
   * it gives each event a position that stays the same however concurrent lanes interleave,
   * which is what a durable execution matches its recorded events by when it resumes.
   */
  readonly path?: string;
  /** How many events have been recorded on this lane. */
  seq?: number;
}

/**
 * The positions of the root lane's first events (`:1`, `:2`...), one string shared by every
 * execution: a running durable execution keeps the position of each of its events, and most of
 * them are on the root lane.
 */
const ROOT_POSITIONS: string[] = [];
const SHARED_ROOT_POSITIONS = 4096;

/** Where the `seq`-th event of `lane` sits: `<lane path>:<seq>`, the same however lanes interleave. */
function positionOf(lane: Lane, seq: number): string {
  const path = lane.path ?? '';
  if (path === '' && seq < SHARED_ROOT_POSITIONS) {
    let position = ROOT_POSITIONS[seq];
    if (position === undefined) {
      position = `:${seq}`;
      ROOT_POSITIONS[seq] = position;
    }
    return position;
  }
  return `${path}:${seq}`;
}

/** The lane part of a position (see `positionOf`). */
export function laneOf(position: string): string {
  return position.slice(0, position.lastIndexOf(':'));
}

/** Told of each new event (a durable journal receives its events through `HistoryJournal`). */
export type HistoryListener = (event: HistoryEvent) => void;

/**
 * Events a durable execution recorded before it was interrupted. While it resumes, an event whose
 * position was recorded is not recorded again: it keeps its id, and listeners are not told.
 */
export interface HistoryJournal {
  /** The index (id - 1) of the recorded event at this position, if there is one. */
  recordedAt(position: string): number | undefined;
  /** Told of each recorded event matched again (its time) and of each new event (undefined). */
  replayed?(time: number | undefined): void;
  /** Receives each new event, as the store keeps it. */
  recorded?(event: JournalEvent): void;
}

/**
 * A new event as a journal receives it: no Date and no HistoryEvent object, which a durable
 * execution would otherwise make for every event whether or not anyone reads its history. Its
 * details are as recorded (payloads still values): `detailsJson` writes them in AWS shape as JSON
 * text, `materializeDetails` as an object.
 */
export interface JournalEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly type: HistoryEventType;
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly position: string | undefined;
  readonly details: EventDetails | undefined;
}

/** An event recorded before a restart, as a journal reloads it. */
export interface PriorEvent {
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
  /** What is kept per event until someone reads the history (no Date, no JSON text yet). */
  private readonly columns: EventColumns;
  private readonly materialized: HistoryEvent[] = [];
  /** Made on the first subscription: most executions in a service never have one. */
  private listeners: Set<HistoryListener> | undefined;
  private closed = false;
  private readonly waiters: Array<() => void> = [];

  /** Each event's position, kept only with a journal. */
  private readonly positions: string[] = [];

  /**
   * `expectedEvents` sizes the columns up front (the count of an earlier execution of the same
   * definition, say): growing them event by event is much of what recording costs.
   */
  constructor(
    private readonly now: () => number,
    private readonly limit: number = MAX_HISTORY_EVENTS,
    private readonly journal?: HistoryJournal,
    expectedEvents = 0,
  ) {
    this.columns = new EventColumns(expectedEvents);
  }

  /** Loads the events a durable execution recorded before a restart (ids 1..n, in order). */
  preload(events: readonly PriorEvent[], positions: readonly string[]): void {
    for (const event of events)
      this.columns.push(event.previousEventId, event.type, event.time, event.details);
    this.positions.push(...positions);
  }

  /** A lane for branch or iteration `index` of the work that `parent` has just started. */
  fork(parent: Lane, index: number): Lane {
    return { cursor: parent.cursor, path: `${parent.path ?? ''}/${parent.seq ?? 0}.${index}`, seq: 0 };
  }

  /** The position the next event on `lane` will take. */
  nextPosition(lane: Lane): string {
    return positionOf(lane, (lane.seq ?? 0) + 1);
  }

  /** The id of the latest event of `type`, if there is one. */
  lastIdOf(type: HistoryEventType): number | undefined {
    for (let index = this.columns.length - 1; index >= 0; index--) {
      if (this.typeAt(index) === type) return index + 1;
    }
    return undefined;
  }

  /** The recorded event (if any) at `lane`'s next position plus `ahead`, while resuming. */
  recordedAhead(lane: Lane, ahead = 0): HistoryEvent | undefined {
    const index = this.journal?.recordedAt(positionOf(lane, (lane.seq ?? 0) + 1 + ahead));
    return index === undefined ? undefined : this.eventAt(index);
  }

  /** Appends an event after `previousEventId` and returns its id. */
  append(type: HistoryEventType, previousEventId: number, details?: EventDetails, terminal = false): number {
    return this.appendOn(undefined, type, previousEventId, details, terminal);
  }

  /** Appends an event that belongs to `lane` without moving the lane's cursor. */
  appendOn(
    lane: Lane | undefined,
    type: HistoryEventType,
    previousEventId: number,
    details?: EventDetails,
    terminal = false,
  ): number {
    return this.record(lane, type, previousEventId, details, terminal);
  }

  /** `appendOn` for any details: a state's input or output value when `kind` is a tag. */
  private record(
    lane: Lane | undefined,
    kind: EventKind,
    previousEventId: number,
    details: unknown,
    terminal: boolean,
    /** When the event happened, if the caller knows: events of one instant share a clock read. */
    time?: number,
  ): number {
    const type = typeof kind === 'string' ? kind : kind.type;
    if (this.closed) throw new Error('The execution has ended; no more events are recorded.');
    let position: string | undefined;
    const seq = lane ? (lane.seq ?? 0) + 1 : 0;
    if (lane) lane.seq = seq;
    if (this.journal) {
      position = lane ? positionOf(lane, seq) : `~${this.positions[previousEventId - 1] ?? ''}>${type}`;
      const index = this.journal.recordedAt(position);
      if (index !== undefined) return this.matchRecorded(index, type);
      this.journal.replayed?.(undefined);
    }
    // One slot stays free for the event that ends the execution.
    if (!terminal && this.columns.length >= this.limit - 1) {
      fail(ErrorNames.runtime, `The execution reached the maximum number of history events (${this.limit}).`);
    }
    const at = time ?? this.now();
    this.columns.push(previousEventId, kind, at, details);
    if (position !== undefined) this.positions.push(position);
    const id = this.columns.length;
    if (this.journal?.recorded) {
      const shaped = this.detailsAt(id - 1);
      this.journal.recorded({
        id,
        previousEventId,
        type,
        time: at,
        position,
        details: shaped,
      });
    }
    if (this.listeners !== undefined && this.listeners.size > 0) {
      const event = this.eventAt(id - 1);
      for (const listener of this.listeners) listener(event);
    }
    if (this.waiters.length > 0) this.wake();
    return id;
  }

  /**
   * Records an event whose details are made from `value` by `tag` (a state's entered or exited
   * event, a task's result) on a lane, as `advance` with those details would.
   */
  advanceTagged(lane: Lane, tag: EventTag, value: unknown, time?: number): number {
    const id = this.record(lane, tag, lane.cursor, value, false, time);
    lane.cursor = id;
    return id;
  }

  /** Appends on a lane and moves the lane's cursor to the new event. */
  advance(lane: Lane, type: HistoryEventType, details?: EventDetails, time?: number): number {
    const id = this.record(lane, type, lane.cursor, details, false, time);
    lane.cursor = id;
    return id;
  }

  private typeAt(index: number): HistoryEventType {
    const kind = this.columns.kindAt(index);
    return typeof kind === 'string' ? kind : kind.type;
  }

  /** A recorded event met again while resuming: it keeps its id and is not recorded twice. */
  private matchRecorded(index: number, type: HistoryEventType): number {
    const recorded = this.typeAt(index);
    if (recorded !== type) {
      throw new Error(
        `The resumed execution diverged from its recorded history: event ${index + 1} was ${recorded}, now ${type}.`,
      );
    }
    this.journal?.replayed?.(this.columns.timeAt(index));
    return index + 1;
  }

  /** When event `id` happened (ms since the epoch), as recorded or as replayed. */
  timeOf(id: number): number {
    return this.columns.timeAt(id - 1);
  }

  /**
   * Event `id`'s timestamp while it is still the latest event, so an exit recorded at the same
   * instant can reuse it. Never with a journal: a replayed event's time is from before a restart.
   */
  timeIfLatest(id: number): number | undefined {
    return this.journal === undefined && this.columns.length === id ? this.columns.timeAt(id - 1) : undefined;
  }

  /** How many events have been recorded; also the id of the latest one. */
  get count(): number {
    return this.columns.length;
  }

  /** Every event recorded so far, in AWS shape. */
  get events(): readonly HistoryEvent[] {
    const count = this.columns.length;
    if (this.materialized.length < count) this.eventAt(count - 1);
    return this.materialized;
  }

  subscribe(listener: HistoryListener): () => void {
    this.listeners ??= new Set();
    const listeners = this.listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
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
      while (next < this.columns.length) yield this.eventAt(next++);
      if (this.closed) return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The event at `index`, materialising it (and every earlier one) on first read. */
  private eventAt(index: number): HistoryEvent {
    for (let i = this.materialized.length; i <= index; i++) {
      const type = this.typeAt(i);
      const details = this.detailsAt(i);
      const base = {
        id: i + 1,
        previousEventId: this.columns.previousIdAt(i),
        type,
        timestamp: new Date(this.columns.timeAt(i)),
      };
      this.materialized.push(
        details === undefined ? base : { ...base, [detailsKeyOf(type)]: materializeDetails(details) },
      );
    }
    return this.materialized[index] as HistoryEvent;
  }

  private detailsAt(index: number): EventDetails | undefined {
    const details = this.columns.detailsAt(index);
    const kind = this.columns.kindAt(index);
    if (typeof kind === 'string') return details as EventDetails | undefined;
    return kind.detailsOf(details);
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
