import { jsonSizeBound } from '../dataflow/json-size-bound';
import { checkPayloadSize, MAX_PAYLOAD_BYTES } from '../dataflow/payload-size';
import { StatesError } from '../errors/runtime-errors';

/**
 * A handler's result as the JSON a task returns on AWS. Plain data within the size limit (nearly
 * every result) comes back as it is, after one walk that bounds its size. Nothing at all, a
 * function or a symbol becomes `null`, as a function's empty response does. Values JSON shows
 * differently (a Date, anything with toJSON) become what their JSON says. A result over 256 KiB
 * fails the state with States.DataLimitExceeded; one that has no JSON (a BigInt, a cycle, a
 * toJSON that throws) fails the attempt, by the name of the serialiser's error, so Retry and
 * Catch see it as the task's failure.
 */
export function jsonTaskResult(result: unknown, stateName: string): unknown {
  if (result === undefined || typeof result === 'function' || typeof result === 'symbol') return null;
  const bound = jsonSizeBound(result, MAX_PAYLOAD_BYTES);
  if (bound !== undefined && bound <= MAX_PAYLOAD_BYTES) return result;
  let text: string;
  try {
    text = JSON.stringify(result);
  } catch (error) {
    throw notJson(error);
  }
  checkPayloadSize(text, stateName);
  return bound === undefined ? JSON.parse(text) : result;
}

function notJson(error: unknown): StatesError {
  let name = 'TypeError';
  let message = 'it cannot be serialised';
  try {
    if (error instanceof Error) {
      name = error.name || name;
      message = String(error.message);
    }
  } catch {
    // The toJSON that threw threw something whose own fields throw: keep the plain description.
  }
  return new StatesError(name, `The task's result cannot be turned into JSON: ${message}`);
}
