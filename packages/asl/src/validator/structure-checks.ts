import { STATE_TYPES } from '../types';
import type { DiagnosticSink } from './diagnostic';
import { childPointer } from './json-pointer';
import { has, isObject, type JsonObject } from './json-tree';
import type { MachineScope } from './machines';
import { isStateType, TERMINAL_TYPES } from './state-types';

/**
 * The skeleton every other check relies on: StartAt, a non-empty States
 * object, and states that are objects with a known Type. Reported as
 * SCHEMA_VALIDATION_FAILED, like AWS does; the zod schema reports the same
 * places and the sink keeps one diagnostic per place.
 */
export function checkStructure(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    checkMachineSkeleton(scope.machine, scope.pointer, sink);
    for (const { state, pointer } of scope.states) checkStateSkeleton(state, pointer, sink);
  }
}

function checkMachineSkeleton(machine: JsonObject, pointer: string, sink: DiagnosticSink): void {
  if (!has(machine, 'StartAt'))
    sink.error('SCHEMA_VALIDATION_FAILED', pointer, "The required field 'StartAt' is missing.");
  else if (typeof machine.StartAt !== 'string') {
    sink.error('SCHEMA_VALIDATION_FAILED', childPointer(pointer, 'StartAt'), "'StartAt' must be a string.");
  }
  const states = machine.States;
  if (!has(machine, 'States'))
    sink.error('SCHEMA_VALIDATION_FAILED', pointer, "The required field 'States' is missing.");
  else if (!isObject(states)) {
    sink.error('SCHEMA_VALIDATION_FAILED', childPointer(pointer, 'States'), "'States' must be an object.");
  } else {
    if (Object.keys(states).length === 0) {
      sink.error(
        'SCHEMA_VALIDATION_FAILED',
        childPointer(pointer, 'States'),
        "'States' must contain at least one state.",
      );
    }
    for (const name of Object.keys(states)) {
      if (!isObject(states[name])) {
        sink.error(
          'SCHEMA_VALIDATION_FAILED',
          childPointer(pointer, 'States', name),
          `State "${name}" must be an object.`,
        );
      }
    }
  }
}

function checkStateSkeleton(state: JsonObject, pointer: string, sink: DiagnosticSink): void {
  if (!has(state, 'Type')) {
    sink.error('SCHEMA_VALIDATION_FAILED', pointer, "The required field 'Type' is missing.");
    return;
  }
  if (!isStateType(state.Type)) {
    sink.error(
      'SCHEMA_VALIDATION_FAILED',
      childPointer(pointer, 'Type'),
      `'Type' must be one of ${STATE_TYPES.join(', ')}.`,
    );
    return;
  }
  const transitions = state.Type === 'Choice' || TERMINAL_TYPES.includes(state.Type) ? ['Next', 'End'] : [];
  for (const field of transitions) {
    if (has(state, field)) {
      sink.error(
        'SCHEMA_VALIDATION_FAILED',
        childPointer(pointer, field),
        `Field '${field}' is not supported by ${state.Type} states.`,
      );
    }
  }
}
