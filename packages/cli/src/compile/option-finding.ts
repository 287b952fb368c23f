import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { SourceFinding } from './source-finding';

/**
 * A compiler diagnostic with no source file is about the options (a flag that needs another, say):
 * it belongs to the tsconfig, at the option it names when that can be found in the file's text,
 * rather than to whichever source file was checked first.
 */
export function optionFinding(
  configFile: string | undefined,
  cwd: string,
  code: number,
  message: string,
): SourceFinding {
  const finding = { severity: 'error', code: `TS${code}`, message } as const;
  if (configFile === undefined) return { ...finding, file: '(compiler options)', line: 1, column: 1 };
  const file = relative(cwd, configFile);
  const option = /'([A-Za-z]+)'/.exec(message)?.[1];
  let text = '';
  try {
    text = readFileSync(configFile, 'utf8');
  } catch {
    // Read when the project loaded; if it is gone now, the finding still names it.
  }
  const at = option === undefined ? -1 : text.indexOf(`"${option}"`);
  if (at < 0) return { ...finding, file, line: 1, column: 1 };
  const before = text.slice(0, at).split('\n');
  return { ...finding, file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
