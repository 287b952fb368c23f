import { toJson } from '../dataflow/payload-size';

/**
 * A payload recorded as a value and turned into JSON text only when the history is read. Recording
 * stays cheap for executions whose history nobody reads (most of them), and the runtime's data is
 * never mutated in place (ResultPath copies, templates build new values), so the text is the same
 * as it would have been when the event was recorded.
 */
export class LazyPayload {
  constructor(readonly value: unknown) {}
}

export function payload(value: unknown): LazyPayload {
  return new LazyPayload(value);
}

/** Variables a state assigned, recorded as values and serialised one by one when read. */
export class LazyAssignments {
  constructor(readonly values: Readonly<Record<string, unknown>>) {}
}

const NOT_TRUNCATED = Object.freeze({ truncated: false });

/**
 * The details of the most frequent events (a state's input or output, a task's result) as one
 * small object until read: `{ name?, input|output: <JSON text>, inputDetails|outputDetails }`.
 * Every running execution holds these for all its events, so one object instead of a details
 * object plus a LazyPayload matters to the garbage collector.
 */
export class PayloadDetails {
  constructor(
    readonly key: 'input' | 'output',
    readonly value: unknown,
    readonly name?: string,
  ) {}
}

/** What an event's details are kept as until the history is read. */
export type EventDetails = Readonly<Record<string, unknown>> | PayloadDetails;

/**
 * The JSON text of `materializeDetails(details)`, written without building that object: a durable
 * execution stores every event's details as text, and for most events (a state's input or output)
 * the object would only be made to be serialised at once.
 */
export function detailsJson(details: EventDetails): string {
  if (details instanceof PayloadDetails) {
    const text = JSON.stringify(toJson(details.value));
    const named = details.name === undefined ? '{' : `{"name":${JSON.stringify(details.name)},`;
    return details.key === 'input'
      ? `${named}"input":${text},"inputDetails":{"truncated":false}}`
      : `${named}"output":${text},"outputDetails":{"truncated":false}}`;
  }
  let json = '';
  for (const key of Object.keys(details)) {
    const value = details[key];
    const text =
      value instanceof LazyPayload
        ? JSON.stringify(toJson(value.value))
        : value instanceof LazyAssignments
          ? assignmentsJson(value.values)
          : JSON.stringify(value);
    // As JSON.stringify does for an object: a member whose value has no JSON is left out.
    if (text !== undefined) json += `${json === '' ? '' : ','}${JSON.stringify(key)}:${text}`;
  }
  return `{${json}}`;
}

function assignmentsJson(values: Readonly<Record<string, unknown>>): string {
  let json = '';
  for (const name of Object.keys(values)) {
    json += `${json === '' ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(toJson(values[name]))}`;
  }
  return `{${json}}`;
}

/** Event details with every lazy payload replaced by its JSON text, as AWS shows them. */
export function materializeDetails(details: EventDetails): Record<string, unknown> {
  if (details instanceof PayloadDetails) {
    const text = toJson(details.value);
    if (details.key === 'input') {
      return details.name === undefined
        ? { input: text, inputDetails: NOT_TRUNCATED }
        : { name: details.name, input: text, inputDetails: NOT_TRUNCATED };
    }
    return details.name === undefined
      ? { output: text, outputDetails: NOT_TRUNCATED }
      : { name: details.name, output: text, outputDetails: NOT_TRUNCATED };
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(details)) {
    const value = details[key];
    if (value instanceof LazyPayload) out[key] = toJson(value.value);
    else if (value instanceof LazyAssignments) {
      const texts: Record<string, string> = {};
      for (const name of Object.keys(value.values)) texts[name] = toJson(value.values[name]);
      out[key] = texts;
    } else out[key] = value;
  }
  return out;
}
