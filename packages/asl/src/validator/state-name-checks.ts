import type { DiagnosticSink } from './diagnostic';
import type { MachineScope } from './machines';

export const MAX_STATE_NAME_LENGTH = 80;

/** C0 and C1 control characters; AWS state names may otherwise hold spaces and punctuation. */
function hasControlCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * State names are unique across the whole definition, nested branches and
 * item processors included (execution history identifies a state by name
 * alone), at most 80 characters, and free of control characters.
 */
export function checkStateNames(scopes: MachineScope[], sink: DiagnosticSink): void {
  const firstSeen = new Map<string, string>();
  for (const scope of scopes) {
    for (const { name, pointer } of scope.states) {
      const problem = stateNameProblem(name);
      if (problem) sink.error('INVALID_STATE_NAME', pointer, `State name "${name}" ${problem}.`);
      const earlier = firstSeen.get(name);
      if (earlier === undefined) firstSeen.set(name, pointer);
      else
        sink.error(
          'DUPLICATE_STATE_NAME',
          pointer,
          `Duplicate State name: "${name}" (also at ${earlier || '/'}).`,
        );
    }
  }
}

export function stateNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if ([...name].length > MAX_STATE_NAME_LENGTH) return `is longer than ${MAX_STATE_NAME_LENGTH} characters`;
  if (hasControlCharacter(name)) return 'contains a control character';
  return undefined;
}
