import { laneOf } from '../history/history-recorder';
import type { StoredEvent } from './durable-store';
import { isTerminalType, terminalUpdate } from './terminal-status';

const FAILURE = /(Failed|TimedOut|Aborted)$/;
/** The events of a task's attempts before their outcome: a redrive schedules the task again. */
const ATTEMPT = /^(Task|LambdaFunction|Activity)(Scheduled|Started|Submitted)$/;
const SUCCEEDED_WITHOUT_EXIT = /^(Task|LambdaFunction|Activity|ParallelState|MapState)Succeeded$/;

/**
 * Indexes of each lane's unfinished step (its trailing failure events and the task attempts
 * before them), and of the terminal event.
 */
export function failedTail(rows: readonly StoredEvent[]): Set<number> {
  const byLane = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const lane = row.position.startsWith('~') ? '~' : laneOf(row.position);
    const list = byLane.get(lane) ?? [];
    list.push(index);
    byLane.set(lane, list);
  });
  const skipped = new Set<number>();
  const done = lanesDoneWith(rows, byLane);
  for (const [lane, indexes] of byLane) {
    if (done(lane)) continue;
    // Every end before the redrive is an earlier run's, not only the last: a run that ends where
    // an earlier one ended (fail, redrive, stop, redrive, fail) records an end of its own.
    if (lane === '~') {
      for (const index of indexes) if (isTerminalType((rows[index] as StoredEvent).type)) skipped.add(index);
      continue;
    }
    for (let i = indexes.length - 1; i >= 0; i--) {
      const index = indexes[i] as number;
      const type = (rows[index] as StoredEvent).type;
      if (!FAILURE.test(type) && !ATTEMPT.test(type)) break;
      skipped.add(index);
    }
  }
  if (failedOnDataLimit(rows)) for (const index of oversizedState(rows, byLane)) skipped.add(index);
  return skipped;
}

/**
 * Whether a branch or iteration lane is done with: the state that forked it (or one that forked
 * a lane it lies in) has exited, as a Parallel whose branch failure its Catch handled, or a Map
 * whose failed iterations were tolerated. AWS reruns only states that were entered and never
 * exited, so such a lane's failure stays as it was and is replayed. A lane is `<parent>/<seq>.<n>`,
 * forked by the parent lane's event `<seq>`.
 */
function lanesDoneWith(rows: readonly StoredEvent[], byLane: ReadonlyMap<string, number[]>) {
  const known = new Map<string, boolean>();
  const done = (lane: string): boolean => {
    const cut = lane.lastIndexOf('/');
    if (cut < 0) return false;
    let answer = known.get(lane);
    if (answer === undefined) {
      const parent = lane.slice(0, cut);
      const fork = Number(lane.slice(cut + 1).split('.')[0]);
      answer =
        done(parent) ||
        (byLane.get(parent) ?? []).some((index) => {
          const row = rows[index] as StoredEvent;
          return row.type.endsWith('StateExited') && seqOf(row.position) > fork;
        });
      known.set(lane, answer);
    }
    return answer;
  };
  return done;
}

/** Whether the run ended failing with States.DataLimitExceeded. */
function failedOnDataLimit(rows: readonly StoredEvent[]): boolean {
  const last = rows.at(-1);
  // Its details were read once already (priorHistory): they parse.
  const end = last && terminalUpdate(last);
  return end?.status === 'FAILED' && end.error === 'States.DataLimitExceeded';
}

/**
 * The state whose result was too large: it succeeded but never exited. AWS reruns it whole, a
 * Parallel's or Map's branches and iterations that succeeded included, since replaying them would
 * build the same result again: its events after its entry, and every lane it started.
 */
function oversizedState(rows: readonly StoredEvent[], byLane: ReadonlyMap<string, number[]>): number[] {
  for (const [lane, indexes] of byLane) {
    const lastType = (rows[indexes.at(-1) as number] as StoredEvent).type;
    if (lane === '~' || !SUCCEEDED_WITHOUT_EXIT.test(lastType)) continue;
    let i = indexes.length - 1;
    while (i >= 0 && !(rows[indexes[i] as number] as StoredEvent).type.endsWith('StateEntered')) i--;
    if (i < 0) continue;
    const entered = seqOf((rows[indexes[i] as number] as StoredEvent).position);
    const rerun = indexes.slice(i + 1);
    // A lane forked by this state is `<lane>/<seq>.<n>`, its seq one of the state's own events.
    for (const [other, list] of byLane) {
      if (!other.startsWith(`${lane}/`)) continue;
      if (Number(other.slice(lane.length + 1).split('.')[0]) > entered) rerun.push(...list);
    }
    return rerun;
  }
  return [];
}

function seqOf(position: string): number {
  return Number(position.slice(position.lastIndexOf(':') + 1));
}
