import type { DiagnosticSink } from './diagnostic';
import { childPointer } from './json-pointer';
import { has } from './json-tree';
import { type MachineScope, stateNames } from './machines';
import { TRANSITIONING_TYPES } from './state-types';
import { transitionsOf } from './transitions';

/**
 * Transitions must name states of the same machine (a branch cannot jump out
 * of itself), and states that move on must say how: Next or End, not both.
 */
export function checkTransitions(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    const names = stateNames(scope);
    const startAt = scope.machine.StartAt;
    if (typeof startAt === 'string' && names.size > 0 && !names.has(startAt)) {
      sink.error(
        'MISSING_TRANSITION_TARGET',
        childPointer(scope.pointer, 'StartAt'),
        `Missing 'StartAt' target: ${startAt}`,
      );
    }
    for (const { state, pointer } of scope.states) {
      for (const { target, location } of transitionsOf(state, pointer)) {
        if (!names.has(target))
          sink.error('MISSING_TRANSITION_TARGET', location, `Missing 'Next' target: ${target}`);
      }
      if (typeof state.Type !== 'string' || !(TRANSITIONING_TYPES as readonly string[]).includes(state.Type))
        continue;
      const hasNext = has(state, 'Next');
      if (hasNext && state.End === true) {
        sink.error('NEXT_AND_END', pointer, 'A state must have either Next or End: true, not both.');
      } else if (!hasNext && state.End !== true) {
        sink.error('MISSING_NEXT_OR_END', pointer, `A ${state.Type} state must have Next or End: true.`);
      }
    }
  }
}
