import type { DiagnosticSink } from './diagnostic';
import { childPointer } from './json-pointer';
import { has, isObject, type JsonObject, type JsonValue } from './json-tree';
import type { MachineScope } from './machines';
import { ERROR_HANDLING_TYPES } from './state-types';

const ALL = 'States.ALL';

/** Limits of the retrier fields, as AWS enforces them. */
const RETRY_LIMITS: Record<string, { min: number; max: number; integer: boolean }> = {
  IntervalSeconds: { min: 1, max: 99_999_999, integer: true },
  MaxAttempts: { min: 0, max: 99_999_999, integer: true },
  BackoffRate: { min: 1, max: Number.MAX_VALUE, integer: false },
  MaxDelaySeconds: { min: 1, max: 31_622_400, integer: true },
};

/**
 * Retry and Catch: each entry names the errors it handles; States.ALL
 * matches everything, so it must stand alone and come last, otherwise the
 * entries after it could never apply. Retrier numbers must be in range.
 */
export function checkErrorHandling(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    for (const { state, pointer } of scope.states) {
      for (const field of ['Retry', 'Catch'] as const) {
        if (!has(state, field)) continue;
        const at = childPointer(pointer, field);
        if (
          typeof state.Type === 'string' &&
          !(ERROR_HANDLING_TYPES as readonly string[]).includes(state.Type)
        ) {
          sink.error(
            'SCHEMA_VALIDATION_FAILED',
            at,
            `Field '${field}' is not supported by ${state.Type} states.`,
          );
          continue;
        }
        const entries = state[field];
        if (!Array.isArray(entries)) {
          sink.error('SCHEMA_VALIDATION_FAILED', at, `'${field}' must be an array.`);
          continue;
        }
        entries.forEach((entry, i) => {
          const entryAt = childPointer(at, i);
          if (!isObject(entry)) {
            sink.error(
              'SCHEMA_VALIDATION_FAILED',
              entryAt,
              `Each ${field === 'Retry' ? 'retrier' : 'catcher'} must be an object.`,
            );
            return;
          }
          checkErrorEquals(entry, entryAt, i === entries.length - 1, sink);
          if (field === 'Retry') checkRetrier(entry, entryAt, sink);
          else if (!has(entry, 'Next'))
            sink.error('SCHEMA_VALIDATION_FAILED', entryAt, "A catcher must have 'Next'.");
        });
      }
    }
  }
}

function checkErrorEquals(entry: JsonObject, pointer: string, isLast: boolean, sink: DiagnosticSink): void {
  const names = entry.ErrorEquals;
  const at = childPointer(pointer, 'ErrorEquals');
  if (!has(entry, 'ErrorEquals')) {
    sink.error('SCHEMA_VALIDATION_FAILED', pointer, "The required field 'ErrorEquals' is missing.");
    return;
  }
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    sink.error('SCHEMA_VALIDATION_FAILED', at, "'ErrorEquals' must be an array of error names.");
    return;
  }
  if (names.length === 0) {
    sink.error('INVALID_ERROR_NAME', at, "'ErrorEquals' must name at least one error.");
    return;
  }
  const index = names.indexOf(ALL);
  if (index < 0) return;
  if (names.length > 1) {
    sink.error(
      'INVALID_ERROR_NAME',
      childPointer(at, index),
      `${ALL} must be the only error name in its ErrorEquals.`,
    );
  } else if (!isLast) {
    sink.error(
      'INVALID_ERROR_NAME',
      childPointer(at, index),
      `${ALL} must appear only in the last retrier or catcher.`,
    );
  }
}

function checkRetrier(retrier: JsonObject, pointer: string, sink: DiagnosticSink): void {
  for (const [field, limit] of Object.entries(RETRY_LIMITS)) {
    if (!has(retrier, field)) continue;
    const value: JsonValue | undefined = retrier[field];
    const ok =
      typeof value === 'number' &&
      value >= limit.min &&
      value <= limit.max &&
      (!limit.integer || Number.isInteger(value));
    if (!ok) {
      const kind = limit.integer ? 'an integer' : 'a number';
      const range =
        limit.max === Number.MAX_VALUE ? `at least ${limit.min}` : `from ${limit.min} to ${limit.max}`;
      sink.error('INVALID_RETRY_FIELD', childPointer(pointer, field), `'${field}' must be ${kind} ${range}.`);
    }
  }
  if (
    has(retrier, 'JitterStrategy') &&
    retrier.JitterStrategy !== 'FULL' &&
    retrier.JitterStrategy !== 'NONE'
  ) {
    sink.error(
      'INVALID_RETRY_FIELD',
      childPointer(pointer, 'JitterStrategy'),
      "'JitterStrategy' must be FULL or NONE.",
    );
  }
}
