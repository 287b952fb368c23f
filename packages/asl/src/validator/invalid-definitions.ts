import type { DiagnosticCode } from './diagnostic-codes';
import { EXPRESSION_MISTAKES } from './invalid-expressions';
import { STATE_MISTAKES } from './invalid-states';
import { STRUCTURE_MISTAKES } from './invalid-structure';

/**
 * Definitions with one known mistake each, and the diagnostic that must
 * point at it. Used by the validator's tests and by tools/validator-compare
 * (not part of the package's public surface).
 */
export interface InvalidDefinition {
  name: string;
  definition: unknown;
  code: DiagnosticCode;
  location: string;
}

export const INVALID_DEFINITIONS: readonly InvalidDefinition[] = [
  ...STRUCTURE_MISTAKES,
  ...STATE_MISTAKES,
  ...EXPRESSION_MISTAKES,
];
