import { resolve } from 'node:path';
import { WorkflowLoadError } from '../cli/errors';
import type { HistoryEventLike } from '../graph/execution-overlay';
import { parseJsonFile, readText } from './read-json-workflow';

/**
 * Reads an execution history: a JSON array of AWS-style history events, or
 * the object `stepwise run --json` prints, whose `history` holds that array.
 */
export async function readHistory(file: string, cwd: string): Promise<HistoryEventLike[]> {
  const { value } = parseJsonFile(await readText(resolve(cwd, file), file), file);
  const events = Array.isArray(value) ? value : (value as { history?: unknown } | null)?.history;
  if (!Array.isArray(events) || !events.every(isEvent)) {
    throw new WorkflowLoadError(
      `${file} is not an execution history: expected an array of {id, type, ...} events.`,
    );
  }
  return events;
}

function isEvent(value: unknown): value is HistoryEventLike {
  const event = value as { id?: unknown; type?: unknown } | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.id === 'number' &&
    typeof event.type === 'string'
  );
}
