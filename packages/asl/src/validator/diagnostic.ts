import type { DiagnosticCode } from './diagnostic-codes';

export type DiagnosticSeverity = 'ERROR' | 'WARNING';

/** One finding, located by a JSON pointer (RFC 6901) into the definition. */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  message: string;
  location: string;
}

export interface ValidationResult {
  /** True iff no diagnostic has severity ERROR; warnings do not make a definition invalid. */
  ok: boolean;
  diagnostics: Diagnostic[];
}

/** Collects diagnostics; each check family receives one and only ever adds to it. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  readonly #seen = new Set<string>();

  error(code: DiagnosticCode, location: string, message: string): void {
    this.add({ severity: 'ERROR', code, location, message });
  }

  warning(code: DiagnosticCode, location: string, message: string): void {
    this.add({ severity: 'WARNING', code, location, message });
  }

  add(diagnostic: Diagnostic): void {
    // Two checks can meet the same mistake (the structural pre-check and the
    // schema, for instance); one diagnostic per code and place is enough.
    const key = `${diagnostic.code}\u0000${diagnostic.location}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.diagnostics.push(diagnostic);
  }

  has(code: DiagnosticCode, location: string): boolean {
    return this.#seen.has(`${code}\u0000${location}`);
  }
}
