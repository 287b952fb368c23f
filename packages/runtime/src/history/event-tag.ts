import type { HistoryEventType } from './history-event';
import { type EventDetails, PayloadDetails, PayloadShape } from './lazy-payload';

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
  private readonly shape: PayloadShape;

  constructor(
    readonly type: HistoryEventType,
    key: 'input' | 'output',
    name?: string,
  ) {
    // The key and name live in the shape, beside their JSON text.
    this.shape = new PayloadShape(key, name);
  }

  detailsOf(value: unknown): EventDetails {
    return new PayloadDetails(this.shape, value);
  }
}

/**
 * Details that `make` builds around the value (which it wraps to be turned into JSON text when
 * read). One object literal per event: merging fixed fields into it by spreading cost more than
 * the rest of recording the event.
 */
export class FieldsTag implements EventTag {
  constructor(
    readonly type: HistoryEventType,
    private readonly make: (value: unknown) => Readonly<Record<string, unknown>>,
  ) {}

  detailsOf(value: unknown): EventDetails {
    return this.make(value);
  }
}
