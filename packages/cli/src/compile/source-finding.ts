/** A finding placed in a TypeScript source file, printed as `file:line:column - severity CODE: message`. */
export interface SourceFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'skipped';
  code: string;
  message: string;
}

export function formatFinding(finding: SourceFinding, paint: (severity: string) => string): string {
  return `${finding.file}:${finding.line}:${finding.column} - ${paint(finding.severity)} ${finding.code}: ${finding.message}`;
}
