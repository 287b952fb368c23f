import type { Diagnostic } from '@stepwise/asl';
import type { DefinitionOrigin } from '../input/workflow-source';
import { parentPointer } from '../json/json-pointer';
import type { ValueLocation } from '../json/parse-located-json';

/** A validator diagnostic placed in a file; line and column exist when the file is JSON. */
export interface LocatedDiagnostic {
  file: string;
  /** The workflow's name when the file is a module that can export several. */
  workflow?: string;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  /** The JSON pointer into the definition. */
  location: string;
  line?: number;
  column?: number;
}

export function locateDiagnostic(diagnostic: Diagnostic, origin: DefinitionOrigin): LocatedDiagnostic {
  const base = { ...diagnostic, file: origin.file };
  if (origin.kind === 'module') return { ...base, workflow: origin.exportName };
  const place = nearestLocation(origin.locations, diagnostic.location);
  if (!place) return base;
  const position = place.key ?? place.value;
  return { ...base, line: position.line, column: position.column };
}

/**
 * A diagnostic about something missing (a state without Next, say) points
 * where the thing would be; the nearest written ancestor is what to show.
 */
function nearestLocation(
  locations: ReadonlyMap<string, ValueLocation>,
  pointer: string,
): ValueLocation | undefined {
  for (let current: string | undefined = pointer; current !== undefined; current = parentPointer(current)) {
    const found = locations.get(current);
    if (found) return found;
  }
  return undefined;
}
