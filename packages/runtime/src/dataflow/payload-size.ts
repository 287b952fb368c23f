import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import { jsonSizeBound } from './json-size-bound';

/** AWS's limit on a state's input or output: 256 KiB of UTF-8 JSON. */
export const MAX_PAYLOAD_BYTES = 262_144;

/** The JSON text of a payload as the history shows it (`null` for an absent value). */
export function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

function utf8Length(text: string): number {
  // Every UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no exact count.
  return text.length * 3 <= MAX_PAYLOAD_BYTES ? text.length : Buffer.byteLength(text, 'utf8');
}

/** Fails the state with States.DataLimitExceeded when a payload's JSON text is over the limit. */
export function checkPayloadSize(json: string, stateName: string): void {
  if (utf8Length(json) > MAX_PAYLOAD_BYTES) failDataLimit(stateName);
}

/**
 * Fails the state with States.DataLimitExceeded when a value's JSON would be over the limit. A
 * cheap upper bound settles almost every case; only values that might be over are serialised.
 */
export function checkValueSize(value: unknown, stateName: string): void {
  const bound = jsonSizeBound(value, MAX_PAYLOAD_BYTES);
  if (bound !== undefined && bound <= MAX_PAYLOAD_BYTES) return;
  checkPayloadSize(toJson(value), stateName);
}

function failDataLimit(stateName: string): never {
  return fail(
    ErrorNames.dataLimitExceeded,
    `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
}
