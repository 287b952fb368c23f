import { isTimestamp } from '../timestamp';
import type { DiagnosticSink } from './diagnostic';
import { childPointer } from './json-pointer';
import { has } from './json-tree';
import type { MachineScope } from './machines';

/**
 * Pairs of fields that say the same thing two ways; a state may use one of each pair. A map, since
 * it is looked up by the definition's `Type`, which may be `toString` or `__proto__`.
 */
const EXCLUSIVE_PAIRS = new Map<string, [string, string][]>([
  [
    'Task',
    [
      ['TimeoutSeconds', 'TimeoutSecondsPath'],
      ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
    ],
  ],
  [
    'Map',
    [
      ['MaxConcurrency', 'MaxConcurrencyPath'],
      ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
      ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
      ['ItemSelector', 'Parameters'],
    ],
  ],
  [
    'Fail',
    [
      ['Error', 'ErrorPath'],
      ['Cause', 'CausePath'],
    ],
  ],
]);

const WAIT_DURATIONS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];

/** Per-type field rules: exclusive pairs, the Wait duration, the Map processor. */
export function checkStateFields(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    for (const { state, pointer, language } of scope.states) {
      const type = typeof state.Type === 'string' ? state.Type : '';
      for (const [a, b] of EXCLUSIVE_PAIRS.get(type) ?? []) {
        if (has(state, a) && has(state, b)) {
          sink.error(
            'MUTUALLY_EXCLUSIVE_FIELDS',
            childPointer(pointer, b),
            `'${a}' and '${b}' cannot both be set.`,
          );
        }
      }
      if (type === 'Wait') {
        const durations = WAIT_DURATIONS.filter((field) => has(state, field));
        if (durations.length !== 1) {
          const found = durations.length === 0 ? 'none' : durations.join(', ');
          sink.error(
            'WAIT_MULTIPLE_DURATIONS',
            pointer,
            `A Wait state needs exactly one of ${WAIT_DURATIONS.join(', ')}; found ${found}.`,
          );
        }
        const timestamp = state.Timestamp;
        const literal =
          typeof timestamp === 'string' && !(language === 'JSONata' && timestamp.startsWith('{%'));
        if (literal && !isTimestamp(timestamp)) {
          sink.error(
            'INVALID_TIMESTAMP',
            childPointer(pointer, 'Timestamp'),
            `${JSON.stringify(timestamp)} is not an RFC 3339 timestamp such as 2016-03-14T01:59:00Z.`,
          );
        }
      }
      if (type === 'Map') {
        const processors = ['ItemProcessor', 'Iterator'].filter((field) => has(state, field));
        if (processors.length === 2) {
          sink.error(
            'MAP_PROCESSOR_CONFLICT',
            pointer,
            'A Map state has either ItemProcessor or its older name Iterator, not both.',
          );
        } else if (processors.length === 0) {
          sink.error('MAP_PROCESSOR_CONFLICT', pointer, 'A Map state needs an ItemProcessor.');
        }
      }
      if (type === 'Parallel' && !(Array.isArray(state.Branches) && state.Branches.length > 0)) {
        const at = has(state, 'Branches') ? childPointer(pointer, 'Branches') : pointer;
        sink.error('SCHEMA_VALIDATION_FAILED', at, "'Branches' must be a non-empty array of state machines.");
      }
    }
  }
}
