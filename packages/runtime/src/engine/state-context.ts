import { contextObject } from '../dataflow/context-object';
import { isoTime } from '../dataflow/iso-time';
import type { StateEntry } from '../plan/compiled-state';
import type { Frame } from './run-context';

/** `$$` for a state, with what only some states have (retry count, task token). */
export function stateContext(
  frame: Frame,
  entry: StateEntry,
  extra?: { retryCount?: number; taskToken?: string },
): Record<string, unknown> {
  return contextObject(frame.run.contextParts(), {
    name: entry.name,
    enteredTime: isoTime(entry.enteredAt),
    retryCount: extra?.retryCount,
    taskToken: extra?.taskToken,
    mapItem: frame.mapItem,
  });
}
