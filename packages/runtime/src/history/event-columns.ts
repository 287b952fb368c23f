import type { EventTag } from './event-tag';
import type { HistoryEventType } from './history-event';

const CHUNK_BITS = 9;
/** Events per chunk. Also the most a new history is sized for up front. */
export const EVENT_CHUNK = 1 << CHUNK_BITS;
const MASK = EVENT_CHUNK - 1;

/** Each event's type, or for the events recorded most a tag (type and what the details are). */
export type EventKind = HistoryEventType | EventTag;

/** One chunk: a column per field, each at most EVENT_CHUNK long. */
interface Chunk {
  readonly previousIds: number[];
  readonly kinds: EventKind[];
  readonly times: number[];
  readonly details: unknown[];
}

/**
 * An execution's events as columns (no object per event, which would be one more long-lived
 * allocation for every event of every running execution), in fixed-size chunks: a history of
 * thousands of events then grows by adding a chunk, never by copying every column it holds so
 * far into a larger one, which was most of what recording a long loop cost.
 */
export class EventColumns {
  private readonly chunks: Chunk[];
  private size = 0;

  /** `expected` (an earlier execution's count, say) sizes the first chunk. */
  constructor(expected: number) {
    this.chunks = [chunk(Math.min(Math.max(expected, 0), EVENT_CHUNK))];
  }

  /** How many events the columns hold. */
  get length(): number {
    return this.size;
  }

  push(previousEventId: number, kind: EventKind, time: number, details: unknown): void {
    const index = this.size++;
    let at = this.chunks[index >>> CHUNK_BITS];
    if (at === undefined) {
      at = chunk(EVENT_CHUNK);
      this.chunks.push(at);
    }
    const slot = index & MASK;
    at.previousIds[slot] = previousEventId;
    at.kinds[slot] = kind;
    at.times[slot] = time;
    at.details[slot] = details;
  }

  previousIdAt(index: number): number {
    return this.chunkOf(index).previousIds[index & MASK] as number;
  }

  kindAt(index: number): EventKind {
    return this.chunkOf(index).kinds[index & MASK] as EventKind;
  }

  timeAt(index: number): number {
    return this.chunkOf(index).times[index & MASK] as number;
  }

  detailsAt(index: number): unknown {
    return this.chunkOf(index).details[index & MASK];
  }

  private chunkOf(index: number): Chunk {
    if (index < 0 || index >= this.size) throw new RangeError(`No event at index ${index}.`);
    return this.chunks[index >>> CHUNK_BITS] as Chunk;
  }
}

function chunk(size: number): Chunk {
  return {
    previousIds: new Array(size),
    kinds: new Array(size),
    times: new Array(size),
    details: new Array(size),
  };
}
