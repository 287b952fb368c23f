import type { StoredTaskToken } from './stored-tasks';

/**
 * What the runtime running an execution has applied of one task token's stored signals: an
 * unload passes these so that the store can tell a signal it was given from one that landed
 * meanwhile (see `DurableStore.unload`).
 */
export interface AppliedTaskSignals {
  readonly token: string;
  /** Whether it recorded that a worker took the activity task (ActivityStarted). */
  readonly taken: boolean;
  /** How many of the heartbeats stored for the token it applied. */
  readonly heartbeats: number;
}

/**
 * Whether a stored token holds a signal the execution was not given: an answer (applied answers
 * close the token, so any stored answer is new), a worker's pick-up, or more heartbeats than it
 * applied. An execution with one must not leave memory: nothing would wake it for a signal
 * stored before it left, and the heartbeat clock it sleeps on would run out.
 */
export function hasUnappliedSignal(row: StoredTaskToken, applied: readonly AppliedTaskSignals[]): boolean {
  if (row.state === 'ANSWERED') return true;
  if (row.state !== 'OPEN') return false;
  const done = applied.find((entry) => entry.token === row.token);
  return (row.taken && done?.taken !== true) || row.heartbeats > (done?.heartbeats ?? 0);
}
