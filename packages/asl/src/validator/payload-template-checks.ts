import type { DiagnosticSink } from './diagnostic';
import { intrinsicCallProblem, isIntrinsicCall, pathProblem } from './expression-syntax';
import { childPointer } from './json-pointer';
import { has, isObject, type JsonValue } from './json-tree';
import type { MachineScope } from './machines';

const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign'];
const NESTED_TEMPLATE_HOLDERS = ['ItemReader', 'ResultWriter', 'ItemBatcher'];

/**
 * JSONPath payload templates: a key ending in ".$" takes a path or an
 * intrinsic call, and must not also appear without the suffix (both would
 * produce the same output field).
 */
export function checkPayloadTemplates(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    for (const { state, pointer, language } of scope.states) {
      if (language !== 'JSONPath') continue;
      for (const field of TEMPLATE_FIELDS) {
        if (has(state, field)) checkTemplate(state[field]!, childPointer(pointer, field), sink);
      }
      for (const holder of NESTED_TEMPLATE_HOLDERS) {
        const value = state[holder];
        if (isObject(value) && has(value, 'Parameters')) {
          checkTemplate(value.Parameters!, childPointer(pointer, holder, 'Parameters'), sink);
        }
      }
      for (const list of ['Choices', 'Catch']) {
        const entries = state[list];
        if (!Array.isArray(entries)) continue;
        entries.forEach((entry, i) => {
          if (isObject(entry) && has(entry, 'Assign'))
            checkTemplate(entry.Assign!, childPointer(pointer, list, i, 'Assign'), sink);
        });
      }
      if (state.Type === 'Pass' && has(state, 'Result'))
        warnStaticResult(state.Result!, childPointer(pointer, 'Result'), sink);
    }
  }
}

function checkTemplate(value: JsonValue, pointer: string, sink: DiagnosticSink): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkTemplate(item, childPointer(pointer, i), sink);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    const location = childPointer(pointer, key);
    const entry = value[key]!;
    if (!key.endsWith('.$')) {
      if (typeof entry === 'string' && looksLikeExpression(entry)) {
        sink.warning(
          'NO_DOLLAR',
          location,
          `"${key}" holds ${JSON.stringify(entry)}, which looks like a path or intrinsic, but its name does not end in ".$"; it is passed on as text.`,
        );
      }
      checkTemplate(entry, location, sink);
      continue;
    }
    const plain = key.slice(0, -2);
    if (has(value, plain)) {
      sink.error(
        'INVALID_PAYLOAD_TEMPLATE',
        location,
        `"${plain}" and "${key}" would both produce the field "${plain}".`,
      );
    }
    if (typeof entry !== 'string') {
      sink.error(
        'INVALID_PAYLOAD_TEMPLATE',
        location,
        `The value of "${key}" must be a string holding a path or an intrinsic function.`,
      );
      continue;
    }
    const problem = isIntrinsicCall(entry)
      ? intrinsicCallProblem(entry)
      : entry.startsWith('$')
        ? pathProblem(entry, false)
        : {
            code: 'INVALID_PAYLOAD_TEMPLATE' as const,
            message: `The value of "${key}" must be a path (starting with "$") or an intrinsic function.`,
          };
    if (problem) sink.error(problem.code, location, problem.message);
  }
}

function looksLikeExpression(text: string): boolean {
  return /^\$\$?(\.|\[|$)/.test(text) || isIntrinsicCall(text);
}

/** Result is copied as is; a ".$" key there is almost always meant for Parameters. */
function warnStaticResult(value: JsonValue, pointer: string, sink: DiagnosticSink): void {
  if (Array.isArray(value))
    value.forEach((item, i) => {
      warnStaticResult(item, childPointer(pointer, i), sink);
    });
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    const location = childPointer(pointer, key);
    if (key.endsWith('.$')) {
      sink.warning(
        'PASS_RESULT_IS_STATIC',
        location,
        `Result is never evaluated: "${key}" is output literally. Use Parameters to select data.`,
      );
    }
    warnStaticResult(value[key]!, location, sink);
  }
}
