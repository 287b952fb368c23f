export type { Diagnostic, DiagnosticSeverity, ValidationResult } from './diagnostic';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes';
export { childPointer } from './json-pointer';
export { validate } from './validate';
