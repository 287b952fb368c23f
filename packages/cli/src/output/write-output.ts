import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputFileError } from '../cli/errors';
import type { CliIo } from '../cli/io';

/** Writes a command's result to `--out <file>` when given, otherwise to stdout. */
export async function writeOutput(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, out), text);
  } catch (error) {
    throw new InputFileError(
      `Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
}
