import { isHistoryEventType } from '../history/history-event';
import { jsonString } from '../history/json-string';
import type { StoredEvent } from './durable-store';
import {
  DuplicateTransitionError,
  HistoryGapError,
  HistoryTooLongError,
  StoreCorruptionError,
} from './store-errors';
import { type TerminalUpdate, terminalUpdate } from './terminal-status';

/**
 * The SQL stores write the events one execution records in one commit as a single row (a chunk):
 * a transition records four to six events, and one row per commit instead of one per event is
 * what keeps a commit close to the cost of the smallest insert the database can do.
 *
 * A chunk is JSON text, `[[id, previousId, type, time, position, details], ...]`, in id order.
 * The details are embedded as JSON (not as a string), so writing a chunk escapes nothing twice.
 */

/** Event ids of one execution stay below this (AWS caps a history at 25,000 events). */
export const MAX_EVENT_ID = 2 ** 20 - 1;

/** The events of one execution in a commit, ordered by id and checked for repeats. */
export interface EventChunk {
  readonly executionArn: string;
  readonly firstId: number;
  readonly lastId: number;
  readonly events: readonly StoredEvent[];
}

/** Groups a commit's events by execution (in order of first appearance), each sorted by id. */
export function chunksOf(events: readonly StoredEvent[]): EventChunk[] {
  const byExecution = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const list = byExecution.get(event.executionArn);
    if (list) list.push(event);
    else byExecution.set(event.executionArn, [event]);
  }
  const chunks: EventChunk[] = [];
  for (const [executionArn, list] of byExecution) {
    if (!ascending(list)) {
      list.sort((a, b) => a.id - b.id);
      const repeated = list.find((e, i) => i > 0 && e.id === (list[i - 1] as StoredEvent).id);
      if (repeated) throw new DuplicateTransitionError(`event ${repeated.id} of ${executionArn}`);
    }
    const firstId = (list[0] as StoredEvent).id;
    const lastId = (list[list.length - 1] as StoredEvent).id;
    if (lastId > MAX_EVENT_ID) throw new HistoryTooLongError(executionArn, lastId);
    if (lastId - firstId + 1 !== list.length) {
      const after = list.findIndex((e, i) => i > 0 && e.id !== (list[i - 1] as StoredEvent).id + 1);
      const previous = (list[after - 1] as StoredEvent).id;
      throw new HistoryGapError(executionArn, (list[after] as StoredEvent).id, previous);
    }
    chunks.push({ executionArn, firstId, lastId, events: list });
  }
  return chunks;
}

/**
 * Checks that a chunk continues the history a store holds (`lastStoredId`, 0 for none): an
 * overlap is a transition applied twice, a hole means an earlier commit of it failed.
 */
export function checkFollows(
  chunk: Pick<EventChunk, 'executionArn' | 'firstId'>,
  lastStoredId: number,
): void {
  if (chunk.firstId <= lastStoredId) {
    throw new DuplicateTransitionError(`event ${chunk.firstId} of ${chunk.executionArn}`);
  }
  if (chunk.firstId !== lastStoredId + 1) {
    throw new HistoryGapError(chunk.executionArn, chunk.firstId, lastStoredId);
  }
}

/** One execution's events of a commit as the row they become. */
export interface EncodedChunk {
  readonly executionArn: string;
  readonly firstId: number;
  readonly lastId: number;
  /** The row's JSON text (see `encodeChunk`). */
  readonly text: string;
  /** The execution's outcome, when the chunk holds its terminal event. */
  readonly end: TerminalUpdate | undefined;
}

/** A commit's events as the rows the SQL stores write: grouped and checked (`chunksOf`), encoded. */
export function encodeChunks(events: readonly StoredEvent[]): EncodedChunk[] {
  return chunksOf(events).map((chunk) => {
    let end: TerminalUpdate | undefined;
    for (const event of chunk.events) end = terminalUpdate(event) ?? end;
    const { executionArn, firstId, lastId } = chunk;
    return { executionArn, firstId, lastId, text: encodeChunk(chunk.events), end };
  });
}

/** The chunk's JSON text. Details are JSON text already and are embedded as they are. */
export function encodeChunk(events: readonly StoredEvent[]): string {
  let text = '[';
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as StoredEvent;
    if (i > 0) text += ',';
    // A type is one of the names in HISTORY_EVENT_TYPES (letters only) and the engine's positions
    // are digits and punctuation: neither needs escaping, which costs more than the rest here.
    text += `[${e.id},${e.previousEventId},"${e.type}",${e.time},${jsonString(e.position)},${e.details ?? 'null'}]`;
  }
  return `${text}]`;
}

/**
 * Reads a chunk back; anything but the shape `encodeChunk` writes is corruption, named: events
 * numbered other than `firstId` onwards (and up to `lastId`, the row's own column, when given)
 * or of a type the runtime never records.
 */
export function decodeChunk(
  executionArn: string,
  firstId: number,
  text: string,
  lastId?: number,
): StoredEvent[] {
  const what = `event ${firstId} of ${executionArn}`;
  if (!Number.isInteger(firstId)) {
    throw new StoreCorruptionError(
      `event row of ${executionArn}`,
      `its first event id is ${JSON.stringify(firstId)}`,
    );
  }
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptionError(what, `not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(rows) || rows.length === 0) throw new StoreCorruptionError(what, 'not a list of events');
  const events = rows.map((row: unknown, index): StoredEvent => {
    if (!isEventTuple(row)) throw new StoreCorruptionError(what, `malformed event ${JSON.stringify(row)}`);
    const [id, previousEventId, type, time, position, details] = row;
    if (id !== firstId + index) {
      throw new StoreCorruptionError(what, `its event ${index + 1} has id ${id}, not ${firstId + index}`);
    }
    if (!isHistoryEventType(type))
      throw new StoreCorruptionError(what, `event ${id} has an unknown type ${JSON.stringify(type)}`);
    if (Math.abs(time) > MAX_DATE_MS)
      throw new StoreCorruptionError(what, `event ${id} has a time no Date can hold (${time})`);
    return {
      executionArn,
      id,
      previousEventId,
      type,
      time,
      position,
      details: details === null ? undefined : JSON.stringify(details),
    };
  });
  const last = firstId + events.length - 1;
  if (lastId !== undefined && last !== lastId) {
    throw new StoreCorruptionError(what, `the row says its last event is ${lastId}, but it ends at ${last}`);
  }
  return events;
}

/** The largest time (ms from the epoch, either way) a Date can hold. */
const MAX_DATE_MS = 8.64e15;

function ascending(events: readonly StoredEvent[]): boolean {
  for (let i = 1; i < events.length; i++) {
    if ((events[i] as StoredEvent).id <= (events[i - 1] as StoredEvent).id) return false;
  }
  return true;
}

type EventTuple = [number, number, string, number, string, unknown];

function isEventTuple(row: unknown): row is EventTuple {
  return (
    Array.isArray(row) &&
    row.length === 6 &&
    Number.isInteger(row[0]) &&
    Number.isInteger(row[1]) &&
    typeof row[2] === 'string' &&
    Number.isInteger(row[3]) &&
    typeof row[4] === 'string'
  );
}

/** A chunk row as the SQL stores read it: its first and last event ids, and its text. */
export type ChunkRow = readonly [firstId: number, lastId: number, text: string];

/**
 * Reads an execution's whole history from its chunk rows, in id order. Each row is checked as
 * `decodeChunk` checks it, and the rows must follow one another from event 1: a row missing
 * between two others (deleted by hand, or lost with a damaged page) is corruption, named, rather
 * than a shorter history that a resume, stop or redrive would write after as if it were whole.
 */
export function decodeHistory(executionArn: string, rows: readonly ChunkRow[]): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (const [firstId, lastId, text] of rows) {
    if (firstId !== events.length + 1) {
      throw new StoreCorruptionError(
        `history of ${executionArn}`,
        firstId > events.length + 1
          ? `events ${events.length + 1} to ${firstId - 1} are missing`
          : `event ${firstId} is stored twice`,
      );
    }
    for (const event of decodeChunk(executionArn, firstId, text, lastId)) events.push(event);
  }
  return events;
}
