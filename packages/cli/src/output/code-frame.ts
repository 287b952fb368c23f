import type { Colors } from './colors';

export interface CodeFrameOptions {
  /** Lines shown before and after the marked one. */
  context?: number;
  colors: Colors;
}

/**
 * The lines around a position with a gutter of line numbers, the line marked
 * with ">" and the column with "^", in the manner of TypeScript and Babel.
 */
export function codeFrame(text: string, line: number, column: number, options: CodeFrameOptions): string {
  const { colors } = options;
  const context = options.context ?? 2;
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const source = (lines[number - 1] ?? '').replace(/\t/g, '  ');
    const gutter = `${String(number).padStart(width)} |`;
    if (number === line) {
      out.push(`${colors.red('>')} ${colors.gray(gutter)} ${source}`);
      const before = (lines[number - 1] ?? '').slice(0, column - 1).replace(/\t/g, '  ');
      out.push(`  ${colors.gray(`${' '.repeat(width)} |`)} ${' '.repeat(before.length)}${colors.red('^')}`);
    } else {
      out.push(`  ${colors.gray(gutter)}${source === '' ? '' : ` ${source}`}`);
    }
  }
  return out.join('\n');
}
