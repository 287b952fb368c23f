import { resolve } from 'node:path';
import { stringOption } from '../cli/args';
import { UsageError, WorkflowLoadError } from '../cli/errors';
import type { OptionValues } from '../commands/command';
import { readText } from '../input/read-json-workflow';
import { JsonSyntaxError } from '../json/json-syntax-error';
import { parseLocatedJson } from '../json/parse-located-json';

/** The execution input from `--input <json>` or `--input-file <file>`; `{}` when neither is given. */
export async function executionInput(options: OptionValues, cwd: string): Promise<unknown> {
  const inline = stringOption(options, 'input');
  const file = stringOption(options, 'input-file');
  if (inline !== undefined && file !== undefined)
    throw new UsageError('Give --input or --input-file, not both.');
  if (inline !== undefined) {
    try {
      return JSON.parse(inline);
    } catch {
      throw new UsageError(`--input is not JSON: ${inline}`);
    }
  }
  if (file === undefined) return {};
  try {
    return parseLocatedJson(await readText(resolve(cwd, file), file)).value;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = error.position;
    throw new WorkflowLoadError(`${file}:${line}:${column} - ${error.message}`);
  }
}
