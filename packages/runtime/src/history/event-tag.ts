import type { HistoryEventType } from './history-event';
import { type EventDetails, PayloadDetails } from './lazy-payload';

/**
 * An event's type with what its details are made of besides one value: made once (per compiled
 * state, per task resource), so that recording the event keeps only that value beside the tag and
 * builds the details object only when the history is read.
 */
export interface EventTag {
  readonly type: HistoryEventType;
  /** The event's details around the value recorded with it. */
  detailsOf(value: unknown): EventDetails;
}

/** Details of the shape `{ name?, input|output, inputDetails|outputDetails }`. */
export class PayloadTag implements EventTag {
  constructor(
    readonly type: HistoryEventType,
    readonly key: 'input' | 'output',
    readonly name?: string,
  ) {}

  detailsOf(value: unknown): EventDetails {
    return new PayloadDetails(this.key, value, this.name);
  }
}

/** Details that are fixed fields plus the value under `key` (turned into JSON text when read). */
export class FieldsTag implements EventTag {
  constructor(
    readonly type: HistoryEventType,
    private readonly fixed: Readonly<Record<string, unknown>>,
    private readonly make: (value: unknown) => Readonly<Record<string, unknown>>,
  ) {}

  detailsOf(value: unknown): EventDetails {
    return { ...this.fixed, ...this.make(value) };
  }
}
