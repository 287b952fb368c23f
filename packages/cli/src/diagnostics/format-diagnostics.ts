import { codeFrame } from '../output/code-frame';
import type { Colors } from '../output/colors';
import type { LocatedDiagnostic } from './locate-diagnostic';

/** `file:line:column - error CODE: message`, the shape editors and CI logs turn into links. */
export function formatDiagnostic(
  diagnostic: LocatedDiagnostic,
  text: string | undefined,
  colors: Colors,
): string {
  const place =
    diagnostic.line === undefined
      ? `${diagnostic.file}${diagnostic.workflow ? ` (${diagnostic.workflow})` : ''}`
      : `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  const severity = diagnostic.severity === 'ERROR' ? colors.red('error') : colors.yellow('warning');
  const pointer = diagnostic.location === '' ? '' : ` ${colors.gray(`at ${diagnostic.location}`)}`;
  const head = `${colors.cyan(place)} - ${severity} ${colors.gray(diagnostic.code)}: ${diagnostic.message}${pointer}`;
  if (text === undefined || diagnostic.line === undefined || diagnostic.column === undefined) return head;
  return `${head}\n\n${codeFrame(text, diagnostic.line, diagnostic.column, { colors })}\n`;
}

export function formatSummary(
  diagnostics: readonly LocatedDiagnostic[],
  fileCount: number,
  colors: Colors,
): string {
  const errors = diagnostics.filter((d) => d.severity === 'ERROR').length;
  const warnings = diagnostics.length - errors;
  const files = `${fileCount} ${fileCount === 1 ? 'file' : 'files'}`;
  if (diagnostics.length === 0) return colors.green(`✓ No problems in ${files}.`);
  const parts = [plural(errors, 'error'), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  const text = `Found ${parts.join(' and ')} in ${files}.`;
  return errors > 0 ? colors.red(text) : colors.yellow(text);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
