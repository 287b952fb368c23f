import { MAX_HISTORY_EVENTS } from '../history/history-recorder';
import { MAX_DURATION_SECONDS } from '../machines/execution-limits';
import type { StoredExecution } from './durable-store';

/** How long after its end an execution can be redriven (AWS's redrivable period). */
export const REDRIVABLE_DAYS = 14;

/**
 * Why AWS's RedriveExecution would refuse this ended execution, or undefined if it may be
 * redriven: within 14 days of its end, within the year an execution may last, and with room in
 * its history for the redrive's events.
 */
export function notRedrivableBecause(
  row: StoredExecution,
  historyLength: number,
  now: number,
): string | undefined {
  if (row.status === 'RUNNING') return 'it is RUNNING.';
  if (row.status === 'SUCCEEDED') return 'it SUCCEEDED.';
  if (row.stopTime !== undefined && now - row.stopTime > REDRIVABLE_DAYS * 86_400_000) {
    return `it ended more than ${REDRIVABLE_DAYS} days ago.`;
  }
  if (now - row.startTime > MAX_DURATION_SECONDS.STANDARD * 1000) {
    return 'it has exceeded the longest time an execution may run (one year).';
  }
  if (historyLength >= MAX_HISTORY_EVENTS - 1) {
    return `its history holds ${historyLength} events; a redrive needs it under ${MAX_HISTORY_EVENTS - 1}.`;
  }
  return undefined;
}
