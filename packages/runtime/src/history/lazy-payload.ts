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

/** Event details with every lazy payload replaced by its JSON text, as AWS shows them. */
export function materializeDetails(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
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
