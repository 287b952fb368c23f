import type { DiagnosticSink } from './diagnostic';
import { intrinsicCallProblem, isIntrinsicCall, pathProblem } from './expression-syntax';
import { childPointer } from './json-pointer';
import { has, isObject, type JsonObject } from './json-tree';
import type { MachineScope } from './machines';

type PathKind = 'path' | 'reference' | 'path-or-intrinsic';

/** The path-valued fields of JSONPath states, by what they must hold. `null` means "nothing" where allowed. */
const PATH_FIELDS: Record<string, { kind: PathKind; nullable: boolean }> = {
  InputPath: { kind: 'path', nullable: true },
  OutputPath: { kind: 'path', nullable: true },
  ResultPath: { kind: 'reference', nullable: true },
  ItemsPath: { kind: 'reference', nullable: false },
  TimeoutSecondsPath: { kind: 'reference', nullable: false },
  HeartbeatSecondsPath: { kind: 'reference', nullable: false },
  SecondsPath: { kind: 'reference', nullable: false },
  TimestampPath: { kind: 'reference', nullable: false },
  MaxConcurrencyPath: { kind: 'reference', nullable: false },
  ToleratedFailureCountPath: { kind: 'reference', nullable: false },
  ToleratedFailurePercentagePath: { kind: 'reference', nullable: false },
  ErrorPath: { kind: 'path-or-intrinsic', nullable: false },
  CausePath: { kind: 'path-or-intrinsic', nullable: false },
};

/** Paths of JSONPath states must parse, and be reference paths where ASL requires one. */
export function checkPathFields(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    for (const { state, pointer, language } of scope.states) {
      if (language !== 'JSONPath') continue;
      checkFields(state, pointer, sink);
      if (Array.isArray(state.Catch)) {
        state.Catch.forEach((catcher, i) => {
          if (isObject(catcher))
            checkFields(catcher, childPointer(pointer, 'Catch', i), sink, ['ResultPath']);
        });
      }
    }
  }
}

function checkFields(holder: JsonObject, pointer: string, sink: DiagnosticSink, only?: string[]): void {
  for (const [field, rule] of Object.entries(PATH_FIELDS)) {
    if (!has(holder, field) || (only && !only.includes(field))) continue;
    const location = childPointer(pointer, field);
    const value = holder[field];
    if (value === null && rule.nullable) continue;
    if (typeof value !== 'string') {
      sink.error(
        'SCHEMA_VALIDATION_FAILED',
        location,
        `'${field}' must be a string${rule.nullable ? ' or null' : ''}.`,
      );
      continue;
    }
    reportPathProblem(value, rule.kind, location, sink);
  }
}

export function reportPathProblem(
  value: string,
  kind: PathKind,
  location: string,
  sink: DiagnosticSink,
): void {
  const problem =
    kind === 'path-or-intrinsic' && isIntrinsicCall(value)
      ? intrinsicCallProblem(value)
      : pathProblem(value, kind === 'reference');
  if (problem) sink.error(problem.code, location, problem.message);
}
