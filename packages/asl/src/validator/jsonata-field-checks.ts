import type { DiagnosticSink } from './diagnostic';
import { jsonataProblem } from './expression-syntax';
import { childPointer } from './json-pointer';
import { isObject, type JsonValue } from './json-tree';
import type { MachineScope } from './machines';

/** Fields of a JSONata state that are (or contain) nested machines or rules, checked elsewhere. */
const SKIPPED = new Set([
  'Type',
  'Comment',
  'QueryLanguage',
  'Next',
  'End',
  'Branches',
  'ItemProcessor',
  'Iterator',
  'Choices',
]);

/**
 * Every "{% ... %}" string of a JSONata state must parse, wherever it sits:
 * Arguments, Output, Assign, Items, numeric fields given as expressions, and
 * within Choice rules and catchers.
 */
export function checkJsonataFields(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    for (const { state, pointer, language } of scope.states) {
      if (language !== 'JSONata') continue;
      for (const field of Object.keys(state)) {
        if (!SKIPPED.has(field)) checkStrings(state[field]!, childPointer(pointer, field), sink);
      }
      if (Array.isArray(state.Choices)) {
        state.Choices.forEach((rule, i) => {
          if (!isObject(rule)) return;
          for (const field of ['Assign', 'Output']) {
            if (Object.hasOwn(rule, field))
              checkStrings(rule[field]!, childPointer(pointer, 'Choices', i, field), sink);
          }
        });
      }
    }
  }
}

function checkStrings(value: JsonValue, pointer: string, sink: DiagnosticSink): void {
  if (typeof value === 'string') {
    const problem = jsonataProblem(value);
    if (problem) sink.error(problem.code, pointer, problem.message);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkStrings(item, childPointer(pointer, i), sink);
    });
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) checkStrings(value[key]!, childPointer(pointer, key), sink);
  }
}
