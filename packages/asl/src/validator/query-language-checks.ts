import {
  JSONATA_ONLY_FIELDS,
  JSONATA_ONLY_NESTED_FIELDS,
  JSONPATH_ONLY_FIELDS,
  JSONPATH_ONLY_NESTED_FIELDS,
} from '../types';
import type { DiagnosticSink } from './diagnostic';
import { childPointer } from './json-pointer';
import { has, isObject, type JsonObject } from './json-tree';
import type { MachineScope, QueryLanguage } from './machines';
import { isStateType } from './state-types';

const LANGUAGES: readonly unknown[] = ['JSONPath', 'JSONata'];

/**
 * QueryLanguage values, switches, and fields of the other language on states
 * and catchers (Choice rules are checked with the rest of the rule).
 */
export function checkQueryLanguages(root: JsonObject, scopes: MachineScope[], sink: DiagnosticSink): void {
  checkValue(root, '', sink);
  for (const scope of scopes) {
    if (scope.pointer !== '' && has(scope.machine, 'QueryLanguage')) {
      sink.error(
        'SCHEMA_VALIDATION_FAILED',
        childPointer(scope.pointer, 'QueryLanguage'),
        "Field 'QueryLanguage' is not supported here; set it on the machine or on a state.",
      );
    }
    for (const { state, pointer, language } of scope.states) {
      checkValue(state, pointer, sink);
      if (scope.defaultLanguage === 'JSONata' && state.QueryLanguage === 'JSONPath') {
        sink.error(
          'INVALID_QUERY_LANGUAGE_SWITCH',
          childPointer(pointer, 'QueryLanguage'),
          "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine.",
        );
      }
      if (isStateType(state.Type)) {
        reportForeignFields(
          state,
          pointer,
          language,
          JSONPATH_ONLY_FIELDS[state.Type],
          JSONATA_ONLY_FIELDS[state.Type],
          sink,
        );
      }
      if (Array.isArray(state.Catch)) {
        state.Catch.forEach((catcher, i) => {
          if (!isObject(catcher)) return;
          const at = childPointer(pointer, 'Catch', i);
          const { Catcher: jsonPathOnly } = JSONPATH_ONLY_NESTED_FIELDS;
          reportForeignFields(catcher, at, language, jsonPathOnly, JSONATA_ONLY_NESTED_FIELDS.Catcher, sink);
        });
      }
    }
  }
}

function checkValue(holder: JsonObject, pointer: string, sink: DiagnosticSink): void {
  if (has(holder, 'QueryLanguage') && !LANGUAGES.includes(holder.QueryLanguage)) {
    sink.error(
      'SCHEMA_VALIDATION_FAILED',
      childPointer(pointer, 'QueryLanguage'),
      "'QueryLanguage' must be 'JSONPath' or 'JSONata'.",
    );
  }
}

/** Reports each field of `holder` that only the other query language has. */
export function reportForeignFields(
  holder: JsonObject,
  pointer: string,
  language: QueryLanguage,
  jsonPathOnly: Iterable<string>,
  jsonataOnly: Iterable<string>,
  sink: DiagnosticSink,
): void {
  const foreign = language === 'JSONata' ? jsonPathOnly : jsonataOnly;
  const other = language === 'JSONata' ? 'JSONPath' : 'JSONata';
  for (const field of foreign) {
    if (has(holder, field)) {
      sink.error(
        'FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE',
        childPointer(pointer, field),
        `The QueryLanguage is set to '${language}', but field '${field}' is only supported for the '${other}' QueryLanguage.`,
      );
    }
  }
}
