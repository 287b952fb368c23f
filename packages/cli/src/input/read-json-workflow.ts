import { readFile } from 'node:fs/promises';
import { InputFileError } from '../cli/errors';
import { JsonSyntaxError } from '../json/json-syntax-error';
import { type LocatedJson, parseLocatedJson } from '../json/parse-located-json';
import { type LoadedWorkflow, workflowNameOfFile } from './workflow-source';

/** Reads an .asl.json file; a JSON syntax error propagates as JsonSyntaxError with its position. */
export async function readJsonWorkflow(file: string, displayName: string): Promise<LoadedWorkflow> {
  const text = await readText(file, displayName);
  const { value, locations } = parseJsonFile(text, displayName);
  return {
    name: workflowNameOfFile(file),
    definition: value,
    origin: { kind: 'json', file: displayName, text, locations },
  };
}

/** parseLocatedJson, with the file named in a syntax error. */
export function parseJsonFile(text: string, displayName: string): LocatedJson {
  try {
    return parseLocatedJson(text);
  } catch (error) {
    throw error instanceof JsonSyntaxError ? error.inFile(displayName) : error;
  }
}

export async function readText(file: string, displayName: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new InputFileError(`Cannot read ${displayName}: ${reason}.`);
  }
}
