import { toJson } from '../dataflow/payload-size';
import { jsonString } from './json-string';

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
 * What the details of one kind of payload event share besides the value (the key, the state's
 * name), with their JSON text around the payload: made once per state or task, not per event.
 */
export class PayloadShape {
  /** `{"name":"…","input":` or `{"output":`. */
  readonly jsonHead: string;
  /** `,"inputDetails":{"truncated":false}}` or its output twin. */
  readonly jsonTail: string;

  constructor(
    readonly key: 'input' | 'output',
    readonly name?: string,
  ) {
    this.jsonHead = `{${name === undefined ? '' : `"name":${JSON.stringify(name)},`}"${key}":`;
    this.jsonTail = `,"${key}Details":{"truncated":false}}`;
  }
}

/** The shape of an execution's output (ExecutionSucceeded), shared by every execution. */
export const EXECUTION_OUTPUT = new PayloadShape('output');

/**
 * The details of the most frequent events (a state's input or output, a task's result) as one
 * small object until read: `{ name?, input|output: <JSON text>, inputDetails|outputDetails }`.
 * Every running execution holds these for all its events, so one object instead of a details
 * object plus a LazyPayload matters to the garbage collector.
 */
export class PayloadDetails {
  constructor(
    readonly shape: PayloadShape,
    readonly value: unknown,
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
    const { jsonHead, jsonTail } = details.shape;
    return `${jsonHead}${jsonString(toJson(details.value))}${jsonTail}`;
  }
  let json = '';
  for (const key of Object.keys(details)) {
    const value = details[key];
    const text =
      value instanceof LazyPayload
        ? jsonString(toJson(value.value))
        : value instanceof LazyAssignments
          ? assignmentsJson(value.values)
          : typeof value === 'string'
            ? jsonString(value)
            : JSON.stringify(value);
    // As JSON.stringify does for an object: a member whose value has no JSON is left out.
    if (text !== undefined) json += `${json === '' ? '' : ','}${jsonString(key)}:${text}`;
  }
  return `{${json}}`;
}

function assignmentsJson(values: Readonly<Record<string, unknown>>): string {
  let json = '';
  for (const name of Object.keys(values)) {
    json += `${json === '' ? '' : ','}${jsonString(name)}:${jsonString(toJson(values[name]))}`;
  }
  return `{${json}}`;
}

/** Event details with every lazy payload replaced by its JSON text, as AWS shows them. */
export function materializeDetails(details: EventDetails): Record<string, unknown> {
  if (details instanceof PayloadDetails) {
    const text = toJson(details.value);
    const { key, name } = details.shape;
    if (key === 'input') {
      return name === undefined
        ? { input: text, inputDetails: NOT_TRUNCATED }
        : { name, input: text, inputDetails: NOT_TRUNCATED };
    }
    return name === undefined
      ? { output: text, outputDetails: NOT_TRUNCATED }
      : { name, output: text, outputDetails: NOT_TRUNCATED };
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
